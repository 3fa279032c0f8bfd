import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

export const AllocationRejectedV1 = defineEvent({
  type: 'AllocationRejected',
  version: 1,
  source: 'beneficiaries',
  payload: z.object({ allocationId: fields.id, reason: z.string().min(1) }),
});
