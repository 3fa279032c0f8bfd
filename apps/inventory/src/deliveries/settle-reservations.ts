import { EntityManager } from 'typeorm';
import { LotQuantity } from '@giftflow/contracts';
import { moveForAllocation } from '../stock/stock-ledger';

/**
 * Ends the reservations an allocation still holds: `delivered` takes the goods off the shelf,
 * `released` puts them back (available again). Returns the lot quantities, for the event.
 */
export async function settleReservations(
  manager: EntityManager,
  outcome: 'delivered' | 'released',
  why: { allocationId: string; actor: string; reason?: string | null; at: Date },
): Promise<LotQuantity[]> {
  const held: (Omit<LotQuantity, 'unitValueVnd'> & { unitValueVnd: string })[] = await manager.query(
    `SELECT r.lot_id AS "lotId", l.pledge_id AS "pledgeId", l.item_code AS "itemCode", l.warehouse_code AS "warehouseCode",
            r.quantity, l.unit_value_vnd AS "unitValueVnd"
       FROM reservations r JOIN stock_lots l ON l.id = r.lot_id
      WHERE r.allocation_id = $1 AND r.status = 'held'
      ORDER BY r.reserved_at, r.lot_id`,
    [why.allocationId],
  );
  const lines = held.map((h) => ({ ...h, unitValueVnd: Number(h.unitValueVnd) }));
  await moveForAllocation(manager, outcome, lines, why);
  await manager.query(`UPDATE reservations SET status = $2, settled_at = $3 WHERE allocation_id = $1 AND status = 'held'`, [why.allocationId, outcome, why.at]);
  return lines;
}

/**
 * Saga compensation: a reserved, ready (or dispatched) allocation was rejected or cancelled, so its stock goes
 * back on the shelf (StockReleased) and its delivery is cancelled. Anything else changes nothing.
 */
export async function cancelDelivery(
  tx: { manager: EntityManager; publishReleased: (lines: LotQuantity[]) => void },
  allocationId: string,
  reason: string,
  actor: string,
): Promise<void> {
  const m = tx.manager;
  const [delivery]: { status: string }[] = await m.query('SELECT status FROM deliveries WHERE allocation_id = $1 FOR UPDATE', [allocationId]);
  if (!delivery || !['reserved', 'ready', 'dispatched'].includes(delivery.status)) return;
  const at = new Date();
  const released = await settleReservations(m, 'released', { allocationId, actor, reason, at });
  await m.query("UPDATE deliveries SET status = 'cancelled', reason = $2, updated_at = $3 WHERE allocation_id = $1", [allocationId, reason, at]);
  if (released.length > 0) tx.publishReleased(released);
}
