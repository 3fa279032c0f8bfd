import { Injectable } from '@nestjs/common';
import { EventOf, ShipmentDispatchedV1 } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { advanceAllocation } from './advance-allocation';

/** A volunteer has taken the gift out. */
@Injectable()
export class MarkDispatchedWhenShipmentDispatchedConsumer implements EventHandler<typeof ShipmentDispatchedV1> {
  async handle(event: EventOf<typeof ShipmentDispatchedV1>, tx: OutboxTransaction): Promise<void> {
    await advanceAllocation(tx, event, 'dispatched');
  }
}
