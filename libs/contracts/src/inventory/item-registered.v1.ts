import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

export const ItemRegisteredV1 = defineEvent({
  type: 'ItemRegistered',
  version: 1,
  source: 'inventory',
  payload: z.object({
    itemCode: fields.code,
    name: z.string().min(1).max(200),
    category: fields.category,
    unit: z.string().min(1).max(32),
    unitValueVnd: fields.vnd,
    /** false for services (heart screening, a haircut): allocated and delivered without lots. Absent: true. */
    stocked: z.boolean().optional(),
    perishable: z.boolean().optional(),
  }),
});
