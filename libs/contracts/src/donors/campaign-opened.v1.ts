import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

export const CampaignOpenedV1 = defineEvent({
  type: 'CampaignOpened',
  version: 1,
  source: 'donors',
  payload: z.object({
    campaignId: fields.id,
    name: z.string().min(1).max(200),
    startsOn: fields.isoDate,
    endsOn: fields.isoDate,
  }),
});
