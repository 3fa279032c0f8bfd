import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

export const SponsorshipCancelledV1 = defineEvent({
  type: 'SponsorshipCancelled',
  version: 1,
  source: 'beneficiaries',
  payload: z.object({ sponsorshipId: fields.id, reason: z.string().min(1).max(500), cancelledOn: fields.isoDate }),
});
