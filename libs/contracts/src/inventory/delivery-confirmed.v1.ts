import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';
import { lotQuantitySchema } from './stock-lines';

/**
 * The gift reached its beneficiary. Who signed for it stays in inventory's records; the event carries
 * only the relationship (mother, teacher…), the beneficiary's pseudonymous id and district.
 */
export const DeliveryConfirmedV1 = defineEvent({
  type: 'DeliveryConfirmed',
  version: 1,
  source: 'inventory',
  payload: z.object({
    allocationId: fields.id,
    beneficiaryId: fields.id,
    beneficiaryKind: z.enum(['child', 'institution']),
    districtCode: fields.code,
    relationship: z.string().max(64).nullable(),
    deliveredAt: fields.isoDateTime,
    lines: z.array(lotQuantitySchema).min(1),
  }),
});
