import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';
import { lotQuantitySchema } from './stock-lines';

/** Reserved stock went back on the shelf (a failed delivery, a cancelled allocation). */
export const StockReleasedV1 = defineEvent({
  type: 'StockReleased',
  version: 1,
  source: 'inventory',
  payload: z.object({ allocationId: fields.id, reason: z.string().min(1), lines: z.array(lotQuantitySchema).min(1) }),
});
