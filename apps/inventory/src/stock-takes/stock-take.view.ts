import { EntityManager } from 'typeorm';
import { Variance } from './variances';

export interface StockTakeView {
  id: string;
  warehouseCode: string;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  counts: { itemCode: string; lotId: string | null; counted: number; expected: number; countedAt: string }[];
  variances: Variance[] | null;
}

export async function findStockTake(m: EntityManager, id: string): Promise<StockTakeView | null> {
  const [st] = await m.query('SELECT * FROM stock_takes WHERE id = $1', [id]);
  if (!st) return null;
  const counts: { item_code: string; lot_id: string | null; counted: number; expected: string; counted_at: Date }[] = await m.query(
    'SELECT item_code, lot_id, counted, expected, counted_at FROM stock_take_counts WHERE stock_take_id = $1 ORDER BY counted_at, id', [id],
  );
  return {
    id, warehouseCode: st.warehouse_code, status: st.status, openedAt: st.opened_at.toISOString(), closedAt: st.closed_at?.toISOString() ?? null,
    counts: counts.map((c) => ({ itemCode: c.item_code, lotId: c.lot_id, counted: c.counted, expected: Number(c.expected), countedAt: c.counted_at.toISOString() })),
    variances: st.variances,
  };
}
