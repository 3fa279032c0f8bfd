import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';
import { allocationLineSchema, beneficiaryRefSchema } from './allocation-lines';

export const AllocationConfirmedV1 = defineEvent({
  type: 'AllocationConfirmed',
  version: 1,
  source: 'beneficiaries',
  payload: z.object({ allocationId: fields.id, ...beneficiaryRefSchema, lines: z.array(allocationLineSchema).min(1) }),
});
