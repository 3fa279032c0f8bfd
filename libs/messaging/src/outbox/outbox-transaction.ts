import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventDefinition, EventOf, Publisher, describeIssues, envelopeSchema } from '@giftflow/contracts';
import type { z } from 'zod';
import { currentTraceHeaders } from '../observability/trace-context';
import { EventContext } from '../transaction/event-context';
import { EventSchemaError } from './event-schema.error';

export interface OutboxRow {
  eventId: string;
  topic: string;
  key: string;
  type: string;
  envelope: unknown;
  /** Sent as Kafka headers by the relay: the trace context (`traceparent`) it was written in, if traced. */
  headers?: Record<string, string> | null;
}

/**
 * The transaction a handler works in: its EntityManager plus `publish`, which checks the event
 * against its contract at once and queues it; the queue is written to the outbox by the same
 * transaction just before it commits (STYLE 7: one place turns a state change into outbox rows).
 */
export class OutboxTransaction {
  readonly pending: OutboxRow[] = [];

  constructor(
    readonly manager: EntityManager,
    /** null in a service that publishes nothing (reporting). */
    private readonly source: Publisher | null,
    private readonly topicPrefix: string,
    readonly context: EventContext,
  ) {}

  publish<T extends string, V extends number, P extends z.ZodType>(
    definition: EventDefinition<T, V, P>,
    aggregateId: string,
    payload: z.input<P>,
  ): EventOf<EventDefinition<T, V, P>> {
    if (definition.source !== this.source) {
      throw new EventSchemaError(definition.key, `published by ${definition.source}, not by ${this.source ?? 'this service'}`);
    }
    const checked = definition.payload.safeParse(payload);
    if (!checked.success) throw new EventSchemaError(definition.key, describeIssues(checked.error));
    const envelope = {
      id: randomUUID(),
      type: definition.type,
      version: definition.version,
      source: definition.source,
      aggregateId,
      occurredAt: new Date().toISOString(),
      correlationId: this.context.correlationId,
      causationId: this.context.causationId,
      actor: this.context.actor,
      payload: checked.data,
    };
    const envelopeCheck = envelopeSchema.safeParse(envelope);
    if (!envelopeCheck.success) throw new EventSchemaError(definition.key, describeIssues(envelopeCheck.error));
    this.pending.push({ eventId: envelope.id, topic: this.topicPrefix + definition.topic, key: aggregateId, type: definition.type, envelope, headers: currentTraceHeaders() });
    return envelope as unknown as EventOf<EventDefinition<T, V, P>>;
  }
}

/** One multi-row INSERT for all of a transaction's events (PITFALLS 19). */
export async function writeOutboxRows(manager: EntityManager, rows: OutboxRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 1000) {
    const chunk = rows.slice(start, start + 1000);
    const values: unknown[] = [];
    const tuples = chunk.map((row, i) => {
      values.push(row.eventId, row.topic, row.key, row.type, JSON.stringify(row.envelope), row.headers ? JSON.stringify(row.headers) : null);
      const b = i * 6;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::jsonb, $${b + 6}::jsonb)`;
    });
    await manager.query(
      `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope, headers) VALUES ${tuples.join(', ')}`,
      values,
    );
  }
}
