import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

export const ADJUSTMENT_REASONS = ['damaged', 'expired', 'lost', 'found', 'count_correction', 'other'] as const;

/** Stock was corrected by hand, by a stock-take or by a transfer's shortfall; `quantity` is signed. */
export const StockAdjustedV1 = defineEvent({
  type: 'StockAdjusted',
  version: 1,
  source: 'inventory',
  payload: z.object({
    adjustmentId: fields.id,
    warehouseCode: fields.code,
    itemCode: fields.code,
    lotId: fields.id,
    pledgeId: fields.id.nullable(),
    quantity: z.number().int().refine((q) => q !== 0, 'must not be 0'),
    unitValueVnd: fields.vnd,
    reason: z.enum(ADJUSTMENT_REASONS),
  }),
});
