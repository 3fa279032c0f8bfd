import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

export const StockReservationRejectedV1 = defineEvent({
  type: 'StockReservationRejected',
  version: 1,
  source: 'inventory',
  payload: z.object({
    allocationId: fields.id,
    reason: z.string().min(1),
    shortages: z.array(z.object({ itemCode: fields.code, requested: fields.quantity, available: z.number().int().nonnegative() })),
  }),
});
