import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

/** The campaign takes no new pledge and no new allocation from now on. */
export const CampaignClosedV1 = defineEvent({
  type: 'CampaignClosed',
  version: 1,
  source: 'donors',
  payload: z.object({ campaignId: fields.id, closedAt: fields.isoDateTime }),
});
