import { Injectable } from '@nestjs/common';
import { DeliveryConfirmedV1, EventOf } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { recordPledgeProgress } from './record-pledge-progress';

/**
 * A gift reached its beneficiary. Its lots may come from several pledges: each is credited with its own
 * quantities (in pledge id order, so two deliveries never lock the same pledges in opposite orders).
 */
@Injectable()
export class CountDeliveredWhenDeliveryConfirmedConsumer implements EventHandler<typeof DeliveryConfirmedV1> {
  async handle(event: EventOf<typeof DeliveryConfirmedV1>, tx: OutboxTransaction): Promise<void> {
    const pledgeIds = [...new Set(event.payload.lines.map((l) => l.pledgeId))].sort();
    for (const pledgeId of pledgeIds) {
      await recordPledgeProgress(tx, event, pledgeId, 'delivered', event.payload.lines.filter((l) => l.pledgeId === pledgeId));
    }
  }
}
