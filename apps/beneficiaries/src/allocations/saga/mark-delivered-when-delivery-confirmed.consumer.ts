import { Injectable } from '@nestjs/common';
import { DeliveryConfirmedV1, EventOf } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { advanceAllocation } from './advance-allocation';

/** The gift reached the beneficiary: the saga is done. */
@Injectable()
export class MarkDeliveredWhenDeliveryConfirmedConsumer implements EventHandler<typeof DeliveryConfirmedV1> {
  async handle(event: EventOf<typeof DeliveryConfirmedV1>, tx: OutboxTransaction): Promise<void> {
    await advanceAllocation(tx, event, 'delivered');
  }
}
