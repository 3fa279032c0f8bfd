import { EventOf, GoodsReceivedV1 } from '@giftflow/contracts';
import { ProjectionTarget, insertFacts } from './projection-target';
import { ReceiptLot } from './receipt-lot.entity';

export async function recordReceiptLots(event: EventOf<typeof GoodsReceivedV1>, target: ProjectionTarget): Promise<void> {
  const { generation } = target;
  const { receiptId, pledgeId, lines } = event.payload;
  const occurredAt = new Date(event.occurredAt);
  insertFacts(target, ReceiptLot, lines.map((line) => ({
    generation, lotId: line.lotId, receiptId, pledgeId, itemCode: line.itemCode, quantity: line.quantity, unitValueVnd: line.unitValueVnd, occurredAt,
  })));
}
