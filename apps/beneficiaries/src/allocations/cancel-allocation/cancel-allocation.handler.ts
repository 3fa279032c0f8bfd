import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AllocationCancelledV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { Allocation, AllocationView, allocationView } from '../allocation.entity';
import { CANCELLABLE } from '../saga/allocation-transitions';

/** Staff cancel before dispatch: AllocationCancelled, and inventory releases what it reserved. 409 once dispatched. */
@Injectable()
export class CancelAllocationHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(id: string, reason: string, actor: string): Promise<AllocationView> {
    return this.uow.run({ actor }, async (tx) => {
      const allocation = await tx.manager.findOne(Allocation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!allocation) throw new NotFoundException(`allocation ${id} not found`);
      if (!CANCELLABLE.includes(allocation.status)) {
        throw new ConflictException(`allocation ${id} is ${allocation.status}: only a requested, confirmed or failed allocation can be cancelled`);
      }
      const changes = { status: 'cancelled' as const, reason: reason.trim(), updatedAt: new Date() };
      await tx.manager.update(Allocation, { id }, changes);
      tx.publish(AllocationCancelledV1, id, { allocationId: id, reason: changes.reason });
      return allocationView({ ...allocation, ...changes });
    });
  }
}
