import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';
import { deliveredLineSchema, RELATIONSHIPS } from './delivered-lines';

/**
 * v2: codes only (no free text), `happenedAt` is when the volunteer tapped (reports place the delivery by it),
 * and lines may come from no lot (services). Consumers accept v1 and v2.
 */
export const DeliveryConfirmedV2 = defineEvent({
  type: 'DeliveryConfirmed',
  version: 2,
  source: 'inventory',
  payload: z.object({
    allocationId: fields.id,
    beneficiaryId: fields.id,
    beneficiaryKind: z.enum(['child', 'institution']),
    districtCode: fields.code,
    relationship: z.enum(RELATIONSHIPS).nullable(),
    happenedAt: fields.isoDateTime,
    lines: z.array(deliveredLineSchema).min(1),
  }),
});
