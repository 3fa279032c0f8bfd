import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

export const RETURN_REASONS = ['wrong_size', 'duplicate', 'damaged', 'other'] as const;

/** A delivered gift came back: restocked into a lot, or written off. */
export const GiftReturnedV1 = defineEvent({
  type: 'GiftReturned',
  version: 1,
  source: 'inventory',
  payload: z.object({
    returnId: fields.id,
    allocationId: fields.id,
    beneficiaryId: fields.id,
    lines: z.array(
      z.object({ itemCode: fields.code, quantity: fields.quantity, lotId: fields.id.nullable(), unitValueVnd: fields.vnd }),
    ).min(1),
    reason: z.enum(RETURN_REASONS),
    restocked: z.boolean(),
    happenedAt: fields.isoDateTime,
  }),
});
