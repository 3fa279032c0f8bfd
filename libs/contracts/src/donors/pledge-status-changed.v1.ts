import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

export const PLEDGE_STATUSES = ['pledged', 'partially_received', 'received', 'cancelled', 'fulfilled'] as const;

/** The pledge moved along as its goods were received and given out (PledgeFulfilled is status `fulfilled`). */
export const PledgeStatusChangedV1 = defineEvent({
  type: 'PledgeStatusChanged',
  version: 1,
  source: 'donors',
  payload: z.object({ pledgeId: fields.id, from: z.enum(PLEDGE_STATUSES), to: z.enum(PLEDGE_STATUSES) }),
});
