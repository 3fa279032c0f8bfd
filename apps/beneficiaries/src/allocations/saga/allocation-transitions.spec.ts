import { ALLOCATION_STATUSES, AllocationStatus } from '../allocation.entity';
import { CANCELLABLE, RETRYABLE, SagaStatus, canMove } from './allocation-transitions';

describe('canMove', () => {
  const allowed: Record<SagaStatus, AllocationStatus[]> = {
    confirmed: ['requested'],
    rejected: ['requested'],
    dispatched: ['confirmed'],
    delivered: ['dispatched'],
    failed: ['confirmed', 'dispatched'],
  };

  it.each(Object.entries(allowed) as [SagaStatus, AllocationStatus[]][])('moves to %s only from %j', (to, from) => {
    for (const status of ALLOCATION_STATUSES) expect([status, canMove(status, to)]).toEqual([status, from.includes(status)]);
  });

  it('never leaves a final status', () => {
    for (const final of ['rejected', 'delivered', 'failed', 'cancelled'] as const) {
      for (const to of Object.keys(allowed) as SagaStatus[]) expect(canMove(final, to)).toBe(false);
    }
  });
});

describe('staff commands', () => {
  it('cancels until dispatched, and a failed one; retries only a failed one', () => {
    expect(ALLOCATION_STATUSES.filter((s) => CANCELLABLE.includes(s))).toEqual(['requested', 'confirmed', 'failed']);
    expect(ALLOCATION_STATUSES.filter((s) => RETRYABLE.includes(s))).toEqual(['failed']);
  });
});
