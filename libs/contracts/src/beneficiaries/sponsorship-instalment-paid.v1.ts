import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';
import { monthSchema } from './sponsorship-enrolled.v1';

export const SponsorshipInstalmentPaidV1 = defineEvent({
  type: 'SponsorshipInstalmentPaid',
  version: 1,
  source: 'beneficiaries',
  payload: z.object({
    sponsorshipId: fields.id,
    beneficiaryId: fields.id,
    donorId: fields.id,
    month: monthSchema,
    amountVnd: fields.vnd,
    paidOn: fields.isoDate,
  }),
});
