import { z } from 'zod';
import { EventOf } from './define-event';
import { envelopeSchema } from './envelope';
import { DONORS_EVENTS } from './donors/donors.events';
import { INVENTORY_EVENTS } from './inventory/inventory.events';
import { BENEFICIARIES_EVENTS } from './beneficiaries/beneficiaries.events';

/** Every event contract, every version. A new version is added here beside the old one. */
export const EVENT_DEFINITIONS = [...DONORS_EVENTS, ...INVENTORY_EVENTS, ...BENEFICIARIES_EVENTS] as const;

export type EventDefinitionAny = (typeof EVENT_DEFINITIONS)[number];
/** The discriminated union of every event; switch on `type` (and `version`) exhaustively. */
export type GiftflowEvent = EventOf<EventDefinitionAny>;
export type EventType = GiftflowEvent['type'];
/** One event type at one version, e.g. `EventOfType<'PledgeRecorded'>`. */
export type EventOfType<T extends EventType, V extends number = 1> = Extract<GiftflowEvent, { type: T; version: V }>;

const byKey = new Map<string, EventDefinitionAny>(EVENT_DEFINITIONS.map((d) => [d.key, d]));

export function definitionOf(type: string, version: number): EventDefinitionAny | undefined {
  return byKey.get(`${type}.v${version}`);
}

export type ParseResult = { ok: true; event: GiftflowEvent } | { ok: false; reason: string };

/** Checks an envelope and its payload against the contract of its type and version. */
export function parseEvent(raw: unknown): ParseResult {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, reason: `invalid envelope: ${describeIssues(envelope.error)}` };
  const definition = definitionOf(envelope.data.type, envelope.data.version);
  if (!definition) return { ok: false, reason: `unknown event ${envelope.data.type} v${envelope.data.version}` };
  return parsePayload(envelope.data, definition);
}

/**
 * The second half of `parseEvent`, for a reader that has checked the envelope already and found the definition
 * of its type and version (the consumer: each message is validated once).
 */
export function parsePayload(envelope: z.infer<typeof envelopeSchema>, definition: { key: string; source: string; payload: z.ZodType }): ParseResult {
  if (definition.source !== envelope.source) {
    return { ok: false, reason: `${definition.key} is published by ${definition.source}, not ${envelope.source}` };
  }
  const payload = definition.payload.safeParse(envelope.payload);
  if (!payload.success) return { ok: false, reason: `invalid ${definition.key} payload: ${describeIssues(payload.error)}` };
  return { ok: true, event: { ...envelope, payload: payload.data } as GiftflowEvent };
}

/** `lines.0.quantity: Too small: expected number to be >0; donorId: Invalid UUID` */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}