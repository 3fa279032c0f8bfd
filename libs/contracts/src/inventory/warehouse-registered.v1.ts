import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

export const WarehouseRegisteredV1 = defineEvent({
  type: 'WarehouseRegistered',
  version: 1,
  source: 'inventory',
  payload: z.object({ warehouseCode: fields.code, name: z.string().min(1).max(200), districtCode: fields.code }),
});
