import { z } from 'zod';
import { fields } from '../envelope';

/** Stock taken from (or put back into) one lot, with the pledge the lot came from. */
export const lotQuantitySchema = z.object({
  lotId: fields.id,
  pledgeId: fields.id,
  itemCode: fields.code,
  warehouseCode: fields.code,
  quantity: fields.quantity,
  unitValueVnd: fields.vnd,
});
export type LotQuantity = z.infer<typeof lotQuantitySchema>;
