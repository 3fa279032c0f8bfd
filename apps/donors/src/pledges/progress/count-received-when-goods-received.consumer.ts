import { Injectable } from '@nestjs/common';
import { EventOf, GoodsReceivedV1 } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { recordPledgeProgress } from './record-pledge-progress';

/** The warehouse received goods against a pledge: count them, and the pledge becomes (partially_)received. */
@Injectable()
export class CountReceivedWhenGoodsReceivedConsumer implements EventHandler<typeof GoodsReceivedV1> {
  handle(event: EventOf<typeof GoodsReceivedV1>, tx: OutboxTransaction): Promise<void> {
    return recordPledgeProgress(tx, event, event.payload.pledgeId, 'received', event.payload.lines);
  }
}
