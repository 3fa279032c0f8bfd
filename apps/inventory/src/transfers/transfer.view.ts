import { EntityManager } from 'typeorm';

export interface TransferView {
  id: string;
  status: 'in_transit' | 'received';
  fromWarehouseCode: string;
  toWarehouseCode: string;
  lines: { itemCode: string; sourceLotId: string; quantity: number; receivedQuantity: number | null; receivedLotId: string | null }[];
  dispatchedAt: string;
  receivedAt: string | null;
}

export async function findTransfer(m: EntityManager, id: string): Promise<TransferView | null> {
  const [t] = await m.query('SELECT * FROM transfers WHERE id = $1', [id]);
  if (!t) return null;
  const lines: { item_code: string; source_lot_id: string; quantity: number; received_qty: number | null; received_lot_id: string | null }[] = await m.query(
    'SELECT item_code, source_lot_id, quantity, received_qty, received_lot_id FROM transfer_lines WHERE transfer_id = $1 ORDER BY line_no', [id],
  );
  return {
    id, status: t.status, fromWarehouseCode: t.from_warehouse_code, toWarehouseCode: t.to_warehouse_code,
    lines: lines.map((l) => ({ itemCode: l.item_code, sourceLotId: l.source_lot_id, quantity: l.quantity, receivedQuantity: l.received_qty, receivedLotId: l.received_lot_id })),
    dispatchedAt: t.dispatched_at.toISOString(), receivedAt: t.received_at?.toISOString() ?? null,
  };
}
