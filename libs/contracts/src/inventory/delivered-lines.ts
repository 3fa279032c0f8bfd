import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

/** What a delivery handed over: from a lot, or (a service, not stocked) from no lot at all. */
export const deliveredLineSchema = z.object({
  lotId: fields.id.nullable(),
  pledgeId: fields.id.nullable(),
  itemCode: fields.code,
  warehouseCode: fields.code.nullable(),
  quantity: fields.quantity,
  unitValueVnd: fields.vnd,
});
export type DeliveredLine = z.infer<typeof deliveredLineSchema>;

export const RELATIONSHIPS = ['self', 'mother', 'father', 'grandparent', 'sibling', 'relative', 'guardian', 'teacher', 'staff', 'other'] as const;
export const DELIVERY_FAILURE_REASONS = ['not_home', 'moved', 'refused', 'wrong_address', 'damaged', 'other'] as const;
