import { Injectable } from '@nestjs/common';
import { DeliveryConfirmedV1, DeliveryConfirmedV2, EventOf } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { advanceAllocation } from './advance-allocation';

/** The gift reached the beneficiary: the saga is done. v1 and v2 (codes, service lines) alike. */
@Injectable()
export class MarkDeliveredWhenDeliveryConfirmedConsumer implements EventHandler<typeof DeliveryConfirmedV1>, EventHandler<typeof DeliveryConfirmedV2> {
  async handle(event: EventOf<typeof DeliveryConfirmedV1> | EventOf<typeof DeliveryConfirmedV2>, tx: OutboxTransaction): Promise<void> {
    await advanceAllocation(tx, event, 'delivered');
  }
}
