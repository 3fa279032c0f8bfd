import { Logger } from '@nestjs/common';
import { OutboxTransaction } from '@giftflow/messaging';
import { Allocation } from '../allocation.entity';
import { SagaStatus, canMove } from './allocation-transitions';

const logger = new Logger('AllocationSaga');

interface SagaEvent {
  id: string;
  type: string;
  payload: { allocationId: string };
}

/**
 * Moves the event's allocation to `to` (with `reason` for rejected/failed) and returns it, or returns
 * null when that move does not apply to its status (a stale or out-of-order event: logged, ignored).
 * An allocation this service never created means the stream is corrupt: it throws, so the event is
 * retried and then dead-lettered.
 */
export async function advanceAllocation(tx: OutboxTransaction, event: SagaEvent, to: SagaStatus, reason: string | null = null): Promise<Allocation | null> {
  const { allocationId } = event.payload;
  const allocation = await tx.manager.findOne(Allocation, { where: { id: allocationId }, lock: { mode: 'pessimistic_write' } });
  if (!allocation) throw new Error(`${event.type} ${event.id} is for allocation ${allocationId}, which beneficiaries never created`);
  if (!canMove(allocation.status, to)) {
    logger.warn(`ignored ${event.type} ${event.id}: allocation ${allocationId} is ${allocation.status}, it cannot become ${to}`);
    return null;
  }
  const changes = { status: to, reason, updatedAt: new Date() };
  await tx.manager.update(Allocation, { id: allocationId }, changes);
  return { ...allocation, ...changes };
}
