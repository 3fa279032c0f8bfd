import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';
import { allocationLineSchema, beneficiaryRefSchema } from './allocation-lines';

/** Step 1 of the allocation saga: eligibility passed; inventory is asked to reserve stock. */
export const AllocationRequestedV1 = defineEvent({
  type: 'AllocationRequested',
  version: 1,
  source: 'beneficiaries',
  payload: z.object({
    allocationId: fields.id,
    ...beneficiaryRefSchema,
    campaignId: fields.id.nullable(),
    warehouseCode: fields.code.nullable(),
    lines: z.array(allocationLineSchema).min(1),
    /** Business date of the allocation (paper records); absent: the day it was recorded. */
    allocatedOn: fields.isoDate.optional(),
    /** The allocation plan it came from, if any. */
    planId: fields.id.nullable().optional(),
    /** 1 for the first request; a retry after a failed delivery requests again with 2, 3, … */
    attempt: z.number().int().positive().optional(),
  }),
});
