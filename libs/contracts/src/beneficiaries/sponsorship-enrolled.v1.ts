import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** A donor sponsors a child every month from startMonth to endMonth (the month before the age limit). */
export const SponsorshipEnrolledV1 = defineEvent({
  type: 'SponsorshipEnrolled',
  version: 1,
  source: 'beneficiaries',
  payload: z.object({
    sponsorshipId: fields.id,
    donorId: fields.id,
    beneficiaryId: fields.id,
    districtCode: fields.code,
    monthlyAmountVnd: fields.vnd,
    startMonth: monthSchema,
    endMonth: monthSchema,
    campaignId: fields.id.nullable(),
  }),
});
