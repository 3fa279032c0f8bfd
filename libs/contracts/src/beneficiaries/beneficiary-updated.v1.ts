import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';
import { CIRCUMSTANCES } from './beneficiary-registered.v1';

/** A beneficiary's pseudonymous facts changed (never a name, address or phone). */
export const BeneficiaryUpdatedV1 = defineEvent({
  type: 'BeneficiaryUpdated',
  version: 1,
  source: 'beneficiaries',
  payload: z.object({
    beneficiaryId: fields.id,
    districtCode: fields.code.optional(),
    communeCode: fields.code.optional(),
    sex: z.enum(['female', 'male']).optional(),
    birthMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
    circumstances: z.array(z.enum(CIRCUMSTANCES)).optional(),
  }),
});
