import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

export const PledgeCancelledV1 = defineEvent({
  type: 'PledgeCancelled',
  version: 1,
  source: 'donors',
  payload: z.object({ pledgeId: fields.id, reason: z.string().min(1).max(500) }),
});
