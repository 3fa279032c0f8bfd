import { Injectable } from '@nestjs/common';
import { AllocationRejectedV1, EventOf, StockReleasedV1 } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { cancelDelivery } from './settle-reservations';

/**
 * Saga compensation: an allocation that holds a reservation was rejected after all (e.g. another
 * rule failed in beneficiaries), so its stock goes back on the shelf and its delivery is cancelled.
 * An allocation inventory itself rejected holds nothing, and nothing happens.
 */
@Injectable()
export class ReleaseStockWhenAllocationRejectedConsumer implements EventHandler<typeof AllocationRejectedV1> {
  async handle(event: EventOf<typeof AllocationRejectedV1>, tx: OutboxTransaction): Promise<void> {
    const { allocationId, reason } = event.payload;
    await cancelDelivery({ manager: tx.manager, publishReleased: (lines) => tx.publish(StockReleasedV1, allocationId, { allocationId, reason, lines }) }, allocationId, reason, tx.context.actor);
  }
}
