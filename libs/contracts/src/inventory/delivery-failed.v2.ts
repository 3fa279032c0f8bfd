import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';
import { DELIVERY_FAILURE_REASONS } from './delivered-lines';

/** v2: a reason code (the free-text note stays in inventory) and when it happened. */
export const DeliveryFailedV2 = defineEvent({
  type: 'DeliveryFailed',
  version: 2,
  source: 'inventory',
  payload: z.object({ allocationId: fields.id, reason: z.enum(DELIVERY_FAILURE_REASONS), happenedAt: fields.isoDateTime }),
});
