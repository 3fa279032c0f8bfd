import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

/** A partly received pledge was closed: what was not received is forgiven. */
export const PledgeClosedV1 = defineEvent({
  type: 'PledgeClosed',
  version: 1,
  source: 'donors',
  payload: z.object({ pledgeId: fields.id, reason: z.string().min(1).max(500) }),
});
