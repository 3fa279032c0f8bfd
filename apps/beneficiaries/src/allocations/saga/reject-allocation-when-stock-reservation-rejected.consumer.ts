import { Injectable } from '@nestjs/common';
import { AllocationRejectedV1, EventOf, StockReservationRejectedV1 } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { advanceAllocation } from './advance-allocation';

/** Saga step 3, the other way: inventory could not reserve (e.g. "insufficient stock"), so the allocation is rejected. */
@Injectable()
export class RejectAllocationWhenStockReservationRejectedConsumer implements EventHandler<typeof StockReservationRejectedV1> {
  async handle(event: EventOf<typeof StockReservationRejectedV1>, tx: OutboxTransaction): Promise<void> {
    const { allocationId, reason } = event.payload;
    if (await advanceAllocation(tx, event, 'rejected', reason)) tx.publish(AllocationRejectedV1, allocationId, { allocationId, reason });
  }
}
