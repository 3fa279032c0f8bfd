import { Injectable } from '@nestjs/common';
import { DeliveryFailedV1, EventOf } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { advanceAllocation } from './advance-allocation';

/** The delivery failed (e.g. "family moved"); inventory has put the stock back. */
@Injectable()
export class MarkFailedWhenDeliveryFailedConsumer implements EventHandler<typeof DeliveryFailedV1> {
  async handle(event: EventOf<typeof DeliveryFailedV1>, tx: OutboxTransaction): Promise<void> {
    await advanceAllocation(tx, event, 'failed', event.payload.reason);
  }
}
