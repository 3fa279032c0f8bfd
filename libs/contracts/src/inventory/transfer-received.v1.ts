import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

/** The receiving warehouse got new lots that keep their pledge, donor and expiry; a shortfall is a StockAdjusted (lost). */
export const TransferReceivedV1 = defineEvent({
  type: 'TransferReceived',
  version: 1,
  source: 'inventory',
  payload: z.object({
    transferId: fields.id,
    toWarehouseCode: fields.code,
    lines: z.array(
      z.object({
        lotId: fields.id,
        sourceLotId: fields.id,
        pledgeId: fields.id,
        itemCode: fields.code,
        quantity: fields.quantity,
        unitValueVnd: fields.vnd,
        expiresOn: fields.isoDate.nullable(),
      }),
    ),
  }),
});
