import { Injectable } from '@nestjs/common';
import { AllocationConfirmedV1, EventOf } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { Delivery } from './delivery.entity';

/** Saga step 3 seen from the warehouse: the allocation is confirmed, so its gift awaits dispatch. */
@Injectable()
export class MarkReadyWhenAllocationConfirmedConsumer implements EventHandler<typeof AllocationConfirmedV1> {
  async handle(event: EventOf<typeof AllocationConfirmedV1>, tx: OutboxTransaction): Promise<void> {
    // Only from `reserved`: a repeat, or a confirmation for an allocation we never reserved, changes nothing.
    await tx.manager.update(Delivery, { allocationId: event.payload.allocationId, status: 'reserved' }, { status: 'ready', updatedAt: new Date() });
  }
}
