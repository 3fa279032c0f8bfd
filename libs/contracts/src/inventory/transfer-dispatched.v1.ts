import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';
import { lotQuantitySchema } from './stock-lines';

/** Stock left one warehouse for another; it is in transit until TransferReceived. */
export const TransferDispatchedV1 = defineEvent({
  type: 'TransferDispatched',
  version: 1,
  source: 'inventory',
  payload: z.object({
    transferId: fields.id,
    fromWarehouseCode: fields.code,
    toWarehouseCode: fields.code,
    lines: z.array(lotQuantitySchema).min(1),
  }),
});
