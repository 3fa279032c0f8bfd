import { EventOf, GoodsReceivedV1 } from '@giftflow/contracts';
import { RECEIPT_LOTS } from './fact-tables';
import { ProjectionTarget, fundDateOf, insertFacts } from './projection-target';

/** Each lot received, on the receipt's business date (receivedOn; absent: the day it was recorded). */
export function recordReceiptLots(event: EventOf<typeof GoodsReceivedV1>, target: ProjectionTarget): void {
  const { generation } = target;
  const { receiptId, pledgeId, warehouseCode, lines, receivedOn, donorId, campaignId, walkIn } = event.payload;
  const received_on = receivedOn ?? fundDateOf(event.occurredAt);
  insertFacts(target, RECEIPT_LOTS, lines.map((line) => ({
    generation, lot_id: line.lotId, receipt_id: receiptId, pledge_id: pledgeId, item_code: line.itemCode, quantity: line.quantity,
    unit_value_vnd: line.unitValueVnd, occurred_at: event.occurredAt, received_on, donor_id: donorId ?? null, campaign_id: campaignId ?? null,
    walk_in: walkIn ?? false, warehouse_code: warehouseCode,
  })));
}
