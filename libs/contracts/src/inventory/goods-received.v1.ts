import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

/** Goods arrived at a warehouse against a pledge; each line became a stock lot. */
export const GoodsReceivedV1 = defineEvent({
  type: 'GoodsReceived',
  version: 1,
  source: 'inventory',
  payload: z.object({
    receiptId: fields.id,
    pledgeId: fields.id,
    warehouseCode: fields.code,
    lines: z
      .array(
        z.object({
          lotId: fields.id,
          itemCode: fields.code,
          quantity: fields.quantity,
          expiresOn: fields.isoDate.nullable(),
          unitValueVnd: fields.vnd,
        }),
      )
      .min(1),
    /** Business date of the receipt; absent: the day it was recorded. */
    receivedOn: fields.isoDate.optional(),
    donorId: fields.id.optional(),
    campaignId: fields.id.nullable().optional(),
    /** A walk-in donation with no prior pledge: `pledgeId` was made by inventory, donors shows it received. */
    walkIn: z.boolean().optional(),
  }),
});
