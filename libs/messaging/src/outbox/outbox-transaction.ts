import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EntityManager, QueryRunner } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { EventDefinition, EventOf, Publisher, describeIssues, envelopeSchema } from '@giftflow/contracts';
import type { z } from 'zod';
import { LITERAL_ROWS_PER_ROUND_TRIP, sqlLiteral as literal } from '../database/sql-literal';
import { replaceQueryOnce } from '../transaction/replace-query-once';
import { currentTraceHeaders } from '../observability/trace-context';
import { EventContext } from '../transaction/event-context';
import { EventSchemaError } from './event-schema.error';

/** An event queued by `publish`: checked against its contract, frozen, and serialized once. */
export interface OutboxRow {
  readonly eventId: string;
  readonly topic: string;
  readonly key: string;
  readonly type: string;
  /** A frozen copy of the envelope that passed validation; changing the object `publish` returned changes nothing here. */
  readonly envelope: Readonly<Record<string, unknown>>;
  /** The envelope as it will be stored and sent. */
  readonly json: string;
  /** Sent as Kafka headers by the relay: the trace context (`traceparent`) it was written in, if traced. */
  readonly headers: Readonly<Record<string, string>> | null;
}

/**
 * The transaction a handler works in: its EntityManager plus `publish`, which checks the event
 * against its contract at once and queues a frozen copy; the queue is written to the outbox by the same
 * transaction just before it commits (docs/conventions.md §7: one place turns a state change into outbox rows). There is
 * no other way into the outbox: only validated envelopes reach it (docs/backbone.md).
 */
export class OutboxTransaction {
  readonly #published: OutboxRow[] = [];

  constructor(
    readonly manager: EntityManager,
    /** null in a service that publishes nothing (reporting). */
    private readonly source: Publisher | null,
    private readonly topicPrefix: string,
    readonly context: EventContext,
    /** Shared by the transactions of one consumer chunk, so their events go in with one INSERT. */
    private readonly queue: OutboxQueue = new OutboxQueue(),
  ) {}

  /** What this transaction has published so far (written to the outbox or still queued), read-only. */
  get pending(): readonly OutboxRow[] {
    return Object.freeze([...this.#published]);
  }

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
    // Serialized now, from what was checked: nothing done to any object afterwards reaches the outbox.
    const json = JSON.stringify(envelope);
    const frozen = deepFreeze(JSON.parse(json) as Record<string, unknown>);
    const row: OutboxRow = Object.freeze({ eventId: envelope.id, topic: this.topicPrefix + definition.topic, key: aggregateId, type: definition.type, envelope: frozen, json, headers: currentTraceHeaders() });
    this.#published.push(row);
    queued.get(this.queue)!.push(row);
    return frozen as unknown as EventOf<EventDefinition<T, V, P>>;
  }

  /**
   * Writes what was published and not yet written to the outbox, in this transaction (UnitOfWork and the
   * consumer call it just before commit; a test may call it early to take an outbox id). Returns how many rows.
   */
  flush(): Promise<number> {
    return this.queue.flush(this.manager);
  }
}

/** Rows queued by `publish` only: nothing outside this file can add to a queue (no raw writer). */
const queued = new WeakMap<OutboxQueue, OutboxRow[]>();

/** Events published in one or more OutboxTransactions of one database transaction, waiting to be written. */
export class OutboxQueue {
  constructor() {
    queued.set(this, []);
  }

  get size(): number {
    return queued.get(this)!.length;
  }

  /**
   * Writes what was queued with one COPY (text format) on the transaction's connection; empties the queue. A bulk
   * INSERT (the rows as one JSON parameter) cost PostgreSQL 12–13 µs per row, COPY 7.5–9 (BENCHMARKS.md, issue #7,
   * eighth round). COPY has no ON CONFLICT: the outbox has none either (event ids are unique by construction).
   */
  async flush(manager: EntityManager): Promise<number> {
    const rows = queued.get(this)!.splice(0);
    if (rows.length === 0) return 0;
    const runner = manager.queryRunner;
    if (!runner) throw new Error('outbox rows are written in a transaction: this EntityManager has none');
    const client = (await (runner as PostgresQueryRunner).connect()) as PoolClient;
    const copy = client.query(copyFrom('COPY outbox (event_id, topic, message_key, event_type, envelope, headers) FROM STDIN'));
    const done = finished(copy);
    for (let start = 0; start < rows.length; start += 1000) {
      const lines = rows.slice(start, start + 1000).map((r) => copyLine([r.eventId, r.topic, r.key, r.type, r.json, r.headers && JSON.stringify(r.headers)]));
      if (!copy.write(lines.join(''))) await Promise.race([once(copy, 'drain'), done]);
    }
    copy.end();
    await done;
    return rows.length;
  }

  /**
   * Writes what is queued and commits `runner`'s transaction, in one round trip when at most
   * LITERAL_ROWS_PER_ROUND_TRIP rows are queued: the outbox INSERT travels with the COMMIT in one simple-protocol query
   * (values written as escaped literals), as the relay sends its UPDATE with its COMMIT. Longer queues are
   * written by `flush` first (COPY), then committed. If the INSERT (or the COPY) fails, PostgreSQL skips the COMMIT
   * and the caller rolls back as for any failed statement. Returns how many rows.
   */
  async flushAndCommit(runner: QueryRunner): Promise<number> {
    const rows = queued.get(this)!;
    if (rows.length > LITERAL_ROWS_PER_ROUND_TRIP) return (await this.flush(runner.manager)) + (await commitWith(runner, null));
    const statement = rows.length > 0 ? insertStatement(rows) : null;
    return rows.splice(0).length + (await commitWith(runner, statement));
  }
}

/** INSERT … VALUES with each value an escaped literal (pg's escapeLiteral: quotes doubled, E'' when backslashes). */
function insertStatement(rows: readonly OutboxRow[]): string {
  const values = rows.map((r) => {
    const headers = r.headers ? literal(JSON.stringify(r.headers)) : 'NULL';
    return `(${literal(r.eventId)}, ${literal(r.topic)}, ${literal(r.key)}, ${literal(r.type)}, ${literal(r.json)}, ${headers})`;
  });
  return `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope, headers) VALUES ${values.join(', ')}`;
}

/**
 * `runner.commitTransaction()` (TypeORM's bookkeeping and subscribers' commit events as usual), with `statement`
 * sent in the same query string as its COMMIT. Returns 0 (for adding up).
 */
async function commitWith(runner: QueryRunner, statement: string | null): Promise<number> {
  if (statement === null) {
    await runner.commitTransaction();
    return 0;
  }
  const sent = await replaceQueryOnce(runner, 'COMMIT', (query) => query(`${statement}; COMMIT`), () => runner.commitTransaction());
  // A transaction left nested (a SAVEPOINT still open) releases its savepoint instead of committing.
  if (!sent) throw new Error('the transaction did not commit: a nested transaction is still open');
  return 0;
}

/** A row of COPY's text format: tab-separated, `\N` for null, backslash, tab, newline and carriage return escaped. */
function copyLine(values: (string | null)[]): string {
  return `${values.map((v) => (v === null ? '\\N' : v.replace(COPY_SPECIALS, (c) => COPY_ESCAPES[c]!))).join('\t')}\n`;
}

const COPY_SPECIALS = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
