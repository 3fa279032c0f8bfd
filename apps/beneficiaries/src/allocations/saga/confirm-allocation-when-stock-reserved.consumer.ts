import { Injectable } from '@nestjs/common';
import { AllocationConfirmedV1, EventOf, StockReservedV1 } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { advanceAllocation } from './advance-allocation';

/** Saga step 3: inventory holds the stock, so the allocation is confirmed and the warehouse may dispatch it. */
@Injectable()
export class ConfirmAllocationWhenStockReservedConsumer implements EventHandler<typeof StockReservedV1> {
  async handle(event: EventOf<typeof StockReservedV1>, tx: OutboxTransaction): Promise<void> {
    const allocation = await advanceAllocation(tx, event, 'confirmed');
    if (!allocation) return;
    const { id: allocationId, beneficiaryId, beneficiaryKind, districtCode, lines } = allocation;
    tx.publish(AllocationConfirmedV1, allocationId, { allocationId, beneficiaryId, beneficiaryKind, districtCode, lines });
  }
}
