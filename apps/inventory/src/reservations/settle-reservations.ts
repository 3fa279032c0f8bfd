import { EntityManager } from 'typeorm';
import { LotQuantity } from '@giftflow/contracts';
import { moveStock } from '../stock/move-stock';

/**
 * Ends the reservations an allocation still holds: `delivered` takes the goods off the shelf,
 * `released` puts them back (available again). Returns the lot quantities, for the event.
 */
export async function settleReservations(
  manager: EntityManager,
  outcome: 'delivered' | 'released',
  why: { allocationId: string; actor: string; reason?: string | null; at: Date },
): Promise<LotQuantity[]> {
  const held: LotQuantity[] = await manager.query(
    `SELECT r.lot_id AS "lotId", l.pledge_id AS "pledgeId", l.item_code AS "itemCode", l.warehouse_code AS "warehouseCode",
            r.quantity, l.unit_value_vnd AS "unitValueVnd"
       FROM reservations r JOIN stock_lots l ON l.id = r.lot_id
      WHERE r.allocation_id = $1 AND r.status = 'held'
      ORDER BY r.reserved_at, r.lot_id`,
    [why.allocationId],
  );
  await moveStock(manager, outcome, held, why);
  await manager.query(`UPDATE reservations SET status = $2, settled_at = $3 WHERE allocation_id = $1 AND status = 'held'`, [why.allocationId, outcome, why.at]);
  return held;
}
