import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';
import { monthSchema } from './sponsorship-enrolled.v1';

/** The sponsorship reached its end month (the child's age limit); published once. */
export const SponsorshipEndedV1 = defineEvent({
  type: 'SponsorshipEnded',
  version: 1,
  source: 'beneficiaries',
  payload: z.object({ sponsorshipId: fields.id, endMonth: monthSchema }),
});
