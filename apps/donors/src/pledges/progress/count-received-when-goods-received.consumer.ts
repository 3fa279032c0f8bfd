import { Injectable } from '@nestjs/common';
import { EventOf, GoodsReceivedV1 } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { recordWalkInPledge } from '../walk-in/record-walk-in-pledge';
import { recordPledgeProgress } from './record-pledge-progress';

/**
 * The warehouse received goods against a pledge: count them, and the pledge becomes (partially_)received.
 * A walk-in receipt (no pledge recorded first) becomes a received pledge of its donor.
 */
@Injectable()
export class CountReceivedWhenGoodsReceivedConsumer implements EventHandler<typeof GoodsReceivedV1> {
  handle(event: EventOf<typeof GoodsReceivedV1>, tx: OutboxTransaction): Promise<void> {
    if (event.payload.walkIn) return recordWalkInPledge(tx, event);
    return recordPledgeProgress(tx, event, event.payload.pledgeId, 'received', event.payload.lines);
  }
}
