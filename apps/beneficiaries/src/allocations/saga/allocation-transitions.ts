import { AllocationStatus } from '../allocation.entity';

/** The statuses inventory's events move an allocation to, and the statuses each may follow. */
const MAY_FOLLOW = {
  confirmed: ['requested'],
  rejected: ['requested'],
  dispatched: ['confirmed'],
  delivered: ['dispatched'],
  // inventory can fail a delivery that is ready (confirmed) as well as one on its way
  failed: ['confirmed', 'dispatched'],
} as const satisfies Record<string, readonly AllocationStatus[]>;

export type SagaStatus = keyof typeof MAY_FOLLOW;

/** Whether an allocation in `from` moves to `to`; false for a stale or out-of-order event. */
export const canMove = (from: AllocationStatus, to: SagaStatus): boolean => (MAY_FOLLOW[to] as readonly AllocationStatus[]).includes(from);

/**
 * Staff may cancel an allocation until it is dispatched (a failed one too: it frees the child's category slot).
 * Once dispatched or delivered it is the warehouse's to fail or return; rejected and cancelled ones are over.
 */
export const CANCELLABLE: readonly AllocationStatus[] = ['requested', 'confirmed', 'failed'];

/** Only a failed delivery is retried: requested again, stock reserved anew. */
export const RETRYABLE: readonly AllocationStatus[] = ['failed'];
