import { Injectable } from '@nestjs/common';
import { DeliveryConfirmedV1, DeliveryConfirmedV2, EventOf } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { recordPledgeProgress } from './record-pledge-progress';

type DeliveryConfirmed = EventOf<typeof DeliveryConfirmedV1> | EventOf<typeof DeliveryConfirmedV2>;

/**
 * A gift reached its beneficiary. Its lots may come from several pledges: each is credited with its own
 * quantities (in pledge id order, so two deliveries never lock the same pledges in opposite orders). v2 lines
 * from no pledge (services, not stocked) credit nobody.
 */
async function countDelivered(event: DeliveryConfirmed, tx: OutboxTransaction): Promise<void> {
  const lines: { pledgeId: string | null; itemCode: string; quantity: number }[] = event.payload.lines;
  const pledgeIds = [...new Set(lines.flatMap((l) => (l.pledgeId ? [l.pledgeId] : [])))].sort();
  for (const pledgeId of pledgeIds) {
    await recordPledgeProgress(tx, event, pledgeId, 'delivered', lines.filter((l) => l.pledgeId === pledgeId));
  }
}

@Injectable()
export class CountDeliveredWhenDeliveryConfirmedConsumer implements EventHandler<typeof DeliveryConfirmedV1> {
  handle(event: EventOf<typeof DeliveryConfirmedV1>, tx: OutboxTransaction): Promise<void> {
    return countDelivered(event, tx);
  }
}

@Injectable()
export class CountDeliveredWhenDeliveryConfirmedV2Consumer implements EventHandler<typeof DeliveryConfirmedV2> {
  handle(event: EventOf<typeof DeliveryConfirmedV2>, tx: OutboxTransaction): Promise<void> {
    return countDelivered(event, tx);
  }
}
