import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';
import { DONOR_KINDS } from './donor-registered.v1';

/** A donor's record changed. Like DonorRegistered it names nobody: only the kind travels. */
export const DonorUpdatedV1 = defineEvent({
  type: 'DonorUpdated',
  version: 1,
  source: 'donors',
  payload: z.object({ donorId: fields.id, kind: z.enum(DONOR_KINDS) }),
});
