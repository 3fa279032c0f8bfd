import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

export const DeliveryFailedV1 = defineEvent({
  type: 'DeliveryFailed',
  version: 1,
  source: 'inventory',
  payload: z.object({ allocationId: fields.id, reason: z.string().min(1).max(500), failedAt: fields.isoDateTime }),
});
