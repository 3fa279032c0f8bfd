import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';
import { lotQuantitySchema } from './stock-lines';

export const StockReservedV1 = defineEvent({
  type: 'StockReserved',
  version: 1,
  source: 'inventory',
  payload: z.object({ allocationId: fields.id, lines: z.array(lotQuantitySchema).min(1) }),
});
