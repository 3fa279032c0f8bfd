import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';
import { pledgeLineSchema } from './pledge-recorded.v1';

/** A pledge's lines changed before their goods were received; `lines` is the whole new set. */
export const PledgeAmendedV1 = defineEvent({
  type: 'PledgeAmended',
  version: 1,
  source: 'donors',
  payload: z.object({ pledgeId: fields.id, lines: z.array(pledgeLineSchema).min(1) }),
});
