import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

export const CIRCUMSTANCES = [
  'orphan', 'disabled', 'serious_illness', 'poor_household', 'near_poor_household', 'ethnic_minority',
  'abandoned', 'drug_affected', 'hiv_affected', 'street_child', 'violence_victim', 'other',
] as const;
export const INSTITUTION_KINDS = ['orphanage', 'social_protection_centre', 'special_school', 'other'] as const;

/** Pseudonymous: an id, where (district, commune), and categories. Never a name, address or phone. */
export const BeneficiaryRegisteredV1 = defineEvent({
  type: 'BeneficiaryRegistered',
  version: 1,
  source: 'beneficiaries',
  payload: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('child'),
      beneficiaryId: fields.id,
      districtCode: fields.code,
      communeCode: fields.code,
      sex: z.enum(['female', 'male']),
      birthMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
      circumstances: z.array(z.enum(CIRCUMSTANCES)),
    }),
    z.object({
      kind: z.literal('institution'),
      beneficiaryId: fields.id,
      districtCode: fields.code,
      institutionKind: z.enum(INSTITUTION_KINDS),
      residents: z.number().int().nonnegative(),
    }),
  ]),
});
