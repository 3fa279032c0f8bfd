import { EntityManager } from 'typeorm';
import { numbersIn } from './bigint.column';

export interface StockLevel {
  itemCode: string;
  warehouseCode: string;
  onHand: number;
  reserved: number;
  available: number;
  /** On its way in from another warehouse (a transfer not yet received). */
  inTransit: number;
}

/**
 * Stock per item and warehouse: now (summed over lots), or as of an instant (summed over the ledger up to it).
 * The transfers in transit to the warehouse at that moment count as inTransit.
 */
export async function stockLevels(m: EntityManager, filter: { itemCode?: string; warehouseCode?: string; asOf?: Date }): Promise<StockLevel[]> {
  const balances = filter.asOf
    ? `SELECT item_code, warehouse_code, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved
         FROM stock_movements WHERE occurred_at <= $3 GROUP BY item_code, warehouse_code`
    : `SELECT item_code, warehouse_code, sum(on_hand) AS on_hand, sum(reserved) AS reserved
         FROM stock_lots WHERE $3::timestamptz IS NULL GROUP BY item_code, warehouse_code`;
  const rows: StockLevel[] = await m.query(
    `WITH balances AS (${balances}),
          transit AS (
            SELECT tl.item_code, t.to_warehouse_code AS warehouse_code, sum(tl.quantity) AS in_transit
              FROM transfers t JOIN transfer_lines tl ON tl.transfer_id = t.id
             WHERE t.dispatched_at <= coalesce($3::timestamptz, now()) AND (t.received_at IS NULL OR t.received_at > coalesce($3::timestamptz, now()))
             GROUP BY tl.item_code, t.to_warehouse_code)
     SELECT coalesce(b.item_code, t.item_code) AS "itemCode", coalesce(b.warehouse_code, t.warehouse_code) AS "warehouseCode",
            coalesce(b.on_hand, 0)::bigint AS "onHand", coalesce(b.reserved, 0)::bigint AS reserved,
            coalesce(b.on_hand - b.reserved, 0)::bigint AS available, coalesce(t.in_transit, 0)::bigint AS "inTransit"
       FROM balances b FULL JOIN transit t ON t.item_code = b.item_code AND t.warehouse_code = b.warehouse_code
      WHERE ($1::text IS NULL OR coalesce(b.item_code, t.item_code) = $1) AND ($2::text IS NULL OR coalesce(b.warehouse_code, t.warehouse_code) = $2)
      ORDER BY 1, 2`,
    [filter.itemCode ?? null, filter.warehouseCode ?? null, filter.asOf ?? null],
  );
  return numbersIn(rows, ['onHand', 'reserved', 'available', 'inTransit']);
}
