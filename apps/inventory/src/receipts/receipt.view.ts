import { EntityManager } from 'typeorm';

export interface ReceiptView {
  id: string;
  pledgeId: string;
  warehouseCode: string;
  donorId: string | null;
  campaignId: string | null;
  walkIn: boolean;
  lines: { lotId: string; itemCode: string; quantity: number; expiresOn: string | null }[];
  receivedOn: string;
  receivedAt: string;
}

/** A receipt as the API returns it: one line per stock lot it created. */
export async function loadReceipt(manager: EntityManager, receiptId: string): Promise<ReceiptView> {
  const rows: {
    pledge_id: string; warehouse_code: string; donor_id: string | null; campaign_id: string | null; walk_in: boolean; received_on: string;
    received_at: Date; lot_id: string; item_code: string; quantity: number; expires_on: string | null;
  }[] = await manager.query(
    `SELECT r.pledge_id, r.warehouse_code, r.donor_id, r.campaign_id, r.walk_in, r.received_on::text AS received_on, r.received_at,
            l.id AS lot_id, l.item_code, l.received_qty AS quantity, l.expires_on::text AS expires_on
       FROM receipts r JOIN stock_lots l ON l.receipt_id = r.id
      WHERE r.id = $1 ORDER BY l.receipt_line`,
    [receiptId],
  );
  const [first] = rows;
  return {
    id: receiptId,
    pledgeId: first.pledge_id,
    warehouseCode: first.warehouse_code,
    donorId: first.donor_id,
    campaignId: first.campaign_id,
    walkIn: first.walk_in,
    lines: rows.map((r) => ({ lotId: r.lot_id, itemCode: r.item_code, quantity: r.quantity, expiresOn: r.expires_on })),
    receivedOn: first.received_on,
    receivedAt: first.received_at.toISOString(),
  };
}
