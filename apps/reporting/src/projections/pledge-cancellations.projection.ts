import { EventOf, PledgeCancelledV1 } from '@giftflow/contracts';
import { PledgeCancellation } from './pledge-cancellation.entity';
import { ProjectionTarget, insertFacts } from './projection-target';

/** Donors allows a cancellation only before any goods arrive, so nothing but the pledged figures depends on it. */
export async function recordPledgeCancellation(event: EventOf<typeof PledgeCancelledV1>, target: ProjectionTarget): Promise<void> {
  insertFacts(target, PledgeCancellation, [
    { generation: target.generation, pledgeId: event.payload.pledgeId, reason: event.payload.reason, occurredAt: new Date(event.occurredAt) },
  ]);
}
