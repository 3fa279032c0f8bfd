import { Injectable } from '@nestjs/common';
import { DeliveryFailedV1, DeliveryFailedV2, EventOf } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { advanceAllocation } from './advance-allocation';

/** The delivery failed (v1: free text such as "family moved"; v2: a code such as moved); inventory has put the stock back. */
@Injectable()
export class MarkFailedWhenDeliveryFailedConsumer implements EventHandler<typeof DeliveryFailedV1>, EventHandler<typeof DeliveryFailedV2> {
  async handle(event: EventOf<typeof DeliveryFailedV1> | EventOf<typeof DeliveryFailedV2>, tx: OutboxTransaction): Promise<void> {
    await advanceAllocation(tx, event, 'failed', event.payload.reason);
  }
}
