import { z } from 'zod';
import { PUBLISHERS } from './topics';

/**
 * Every event on every topic is one of these. The payload is checked against the schema of its
 * type and version (see define-event.ts); the envelope itself is checked here.
 */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  source: z.enum(PUBLISHERS),
  aggregateId: z.string().min(1),
  occurredAt: z.iso.datetime({ offset: false }),
  correlationId: z.uuid(),
  causationId: z.uuid().nullable(),
  actor: z.string().min(1),
  payload: z.unknown(),
});

export type Envelope<TType extends string = string, TVersion extends number = number, TPayload = unknown> =
  Omit<z.infer<typeof envelopeSchema>, 'type' | 'version' | 'payload'> & {
    type: TType;
    version: TVersion;
    payload: TPayload;
  };

/** Shared field shapes, so every event spells an amount, a date or a code the same way. */
export const fields = {
  id: z.uuid(),
  code: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
  quantity: z.number().int().positive(),
  vnd: z.number().int().nonnegative(),
  isoDate: z.iso.date(),
  isoDateTime: z.iso.datetime({ offset: false }),
  category: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
};
