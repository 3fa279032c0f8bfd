import { Injectable } from '@nestjs/common';
import { AllocationCancelledV1, EventOf, StockReleasedV1 } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { cancelDelivery } from './settle-reservations';

/** Staff cancelled an allocation: what it holds goes back on the shelf (StockReleased), its delivery is cancelled. */
@Injectable()
export class ReleaseStockWhenAllocationCancelledConsumer implements EventHandler<typeof AllocationCancelledV1> {
  async handle(event: EventOf<typeof AllocationCancelledV1>, tx: OutboxTransaction): Promise<void> {
    const { allocationId, reason } = event.payload;
    await cancelDelivery({ manager: tx.manager, publishReleased: (lines) => tx.publish(StockReleasedV1, allocationId, { allocationId, reason, lines }) }, allocationId, reason, tx.context.actor);
  }
}
