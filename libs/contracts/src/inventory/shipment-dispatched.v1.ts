import { z } from 'zod';
import { defineEvent } from '../define-event';
import { fields } from '../envelope';

export const ShipmentDispatchedV1 = defineEvent({
  type: 'ShipmentDispatched',
  version: 1,
  source: 'inventory',
  payload: z.object({ allocationId: fields.id, dispatchedAt: fields.isoDateTime, happenedAt: fields.isoDateTime.optional() }),
});
