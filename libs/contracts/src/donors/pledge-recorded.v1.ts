import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';
import { DONOR_KINDS } from './donor-registered.v1';

export const pledgeLineSchema = z.object({
  itemCode: fields.code,
  quantity: fields.quantity,
  /** Absent when the donor gave no value: readers fall back to the catalogue's unit value. */
  unitValueVnd: fields.vnd.nullable(),
});

export const PledgeRecordedV1 = defineEvent({
  type: 'PledgeRecorded',
  version: 1,
  source: 'donors',
  payload: z.object({
    pledgeId: fields.id,
    donorId: fields.id,
    donorKind: z.enum(DONOR_KINDS),
    campaignId: fields.id.nullable(),
    lines: z.array(pledgeLineSchema).min(1),
    /** Business date of the pledge (a paper record entered later); absent: the day it was recorded. */
    pledgedOn: fields.isoDate.optional(),
    /** When the donor said the goods would arrive. */
    expectedOn: fields.isoDate.optional(),
  }),
});
