import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { UnitOfWork } from '@giftflow/messaging';
import { Allocation, AllocationView, allocationView } from '../allocation.entity';
import { itemFacts, allocationKind, publishConfirmed, publishRequested } from '../record-allocation';
import { RETRYABLE } from '../saga/allocation-transitions';

/**
 * After a failed delivery: the same allocation is requested again (AllocationRequested, attempt + 1) and inventory
 * reserves anew; services are confirmed again at once. The campaign's rules were met when it was made.
 */
@Injectable()
export class RetryAllocationHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(id: string, actor: string): Promise<AllocationView> {
    return this.uow.run({ actor }, async (tx) => {
      const allocation = await tx.manager.findOne(Allocation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!allocation) throw new NotFoundException(`allocation ${id} not found`);
      if (!RETRYABLE.includes(allocation.status)) throw new ConflictException(`allocation ${id} is ${allocation.status}: only a failed delivery can be retried`);
      const services = allocationKind(allocation.lines, await itemFacts(tx.manager, allocation.lines.map((l) => l.itemCode))) === 'services';
      const retried: Allocation = { ...allocation, status: services ? 'confirmed' : 'requested', reason: null, attempt: allocation.attempt + 1, updatedAt: new Date() };
      await tx.manager.update(Allocation, { id }, { status: retried.status, reason: null, attempt: retried.attempt, updatedAt: retried.updatedAt });
      publishRequested(tx, retried);
      if (services) publishConfirmed(tx, retried);
      return allocationView(retried);
    });
  }
}
