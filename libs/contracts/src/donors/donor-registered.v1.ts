import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

export const DONOR_KINDS = ['individual', 'business', 'organization', 'government', 'military', 'religious'] as const;

/** A donor joined the fund's register. No name, phone or e-mail: those stay in the donors service. */
export const DonorRegisteredV1 = defineEvent({
  type: 'DonorRegistered',
  version: 1,
  source: 'donors',
  payload: z.object({ donorId: fields.id, kind: z.enum(DONOR_KINDS) }),
});
