import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

/** Staff cancelled an allocation before dispatch; inventory releases what it reserved. */
export const AllocationCancelledV1 = defineEvent({
  type: 'AllocationCancelled',
  version: 1,
  source: 'beneficiaries',
  payload: z.object({ allocationId: fields.id, reason: z.string().min(1).max(500) }),
});
