import { Logger } from '@nestjs/common';
import { Kafka, Message } from 'kafkajs';
import type { PoolClient } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { ComponentHealth, OutboxHealth } from '../health/messaging-health';
import { kafkaConfigFor } from '../kafka/kafka.config';
import { BatchProducer, ThreadedProducer } from '../kafka/producer-thread/threaded-producer';
import { OrderedProducer, PRECEDING_SEND_FAILED, relayProducerConfig } from '../kafka/producer-thread/producer.worker';
import { MessagingMetrics, NO_MESSAGING_METRICS } from '../observability/messaging-metrics';
import { PublishSpans, startPublishSpans } from '../observability/trace-context';
import { isUnpublishable } from './unpublishable';

export interface OutboxRelayOptions {
  /** Rows claimed per round at most (docs/backbone.md, trap 10: kafkajs batches nothing by itself). */
  batchSize?: number;
  /**
   * Bytes sent per round at most, below the broker's `message.max.bytes` (1 MiB by default): a partition's
   * share of a round is one record batch, and a record batch over the limit is refused whole. A single row
   * bigger than this goes alone (and is parked if Kafka refuses it).
   */
  maxBatchBytes?: number;
  /** Fallback poll when nothing woke the relay (a commit in this process wakes it at once). */
  pollIntervalMs?: number;
  /**
   * How long a woken relay waits before its round, so that the commits of the next moment go in the same round:
   * under a stream of one-event transactions every commit would otherwise cost a round of its own. Default 5 ms: at
   * 200 one-event commits/s, 7.4 events per round against 2.2 with none, ~20 % less CPU per event (BENCHMARKS.md).
   */
  wakeLingerMs?: number;
  /**
   * Run the kafkajs producer on a worker thread of its own (default true; docs/backbone.md, "The relay's producer
   * thread"). Only for a Kafka made by createKafka, whose configuration a thread can copy; any other runs it here.
   */
  producerThread?: boolean;
  /**
   * Rounds one transaction may take while claims come back full (default 8; 1: claim, send, mark, one round at a time).
   * Its rows stay locked until it commits, and a crash sends them all again (consumers drop the repeats).
   */
  roundsPerTransaction?: number;
  /** How long `stop()` may spend sending what is committed before it gives up (the rest waits for the next start). */
  drainTimeoutMs?: number;
  /** Test seam for fault tests: runs after Kafka acknowledged a batch, before it is marked sent. */
  afterSend?: (eventIds: string[]) => Promise<void> | void;
  /** Called once per transaction with the event ids Kafka acknowledged and that were marked sent, after the commit (a hook for metrics). */
  onPublished?: (eventIds: string[]) => void;
  /** Called when a row is parked (a hook for metrics and alerts). */
  onParked?: (eventId: string, error: string) => void;
  logger?: Pick<Logger, 'log' | 'warn' | 'error'>;
  metrics?: MessagingMetrics;
}

interface ClaimedRow {
  id: string;
  event_id: string;
  topic: string;
  message_key: string;
  event_type: string;
  /** The envelope as `publish` serialized it (stored as text: BENCHMARKS.md, issue #7), sent as it is. */
  json: string;
  /** Sent as Kafka headers: the trace context (`traceparent`) the row was written in, if traced. */
  headers: Record<string, string> | null;
}

/** Only one relay per database publishes at a time, so events leave in commit order per key. */
export const RELAY_LOCK_KEY = 0x6766_6f62; // "gfob"
/** The relay reports itself not ready after this many failed rounds in a row (broker or database unreachable). */
const FAILURES_BEFORE_UNREADY = 5;
/** Per-message overhead beyond key and value in a record batch (headers, varints, timestamps), a safe overestimate. */
const RECORD_OVERHEAD_BYTES = 256;

/**
 * Publishes committed outbox rows to Kafka and marks them sent (docs/backbone.md, "The outbox relay").
 *
 * Rows are claimed by status (`published_at IS NULL AND failed_at IS NULL`) with `FOR UPDATE SKIP LOCKED`
 * inside a transaction that stays open while Kafka acknowledges the batch, so a row committed late behind a
 * higher id is still found (docs/backbone.md, trap 17), and a relay that dies mid-batch releases its claim with its
 * connection: the next round sends the batch again (consumers drop the duplicate by event id).
 *
 * A row Kafka refuses for good (too large, invalid) is parked with the error and the rows behind it flow on
 * (docs/backbone.md, trap 23). Everything a round publishes goes through `send` and is recorded by `mark`: the two
 * places to hook metrics.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly maxBatchBytes: number;
  private readonly pollIntervalMs: number;
  private readonly wakeLingerMs: number;
  private readonly roundsPerTransaction: number;
  private readonly logger: Pick<Logger, 'log' | 'warn' | 'error'>;
  private producer: BatchProducer | null = null;
  /**
   * The relay's own connection, held from its first round to stop(): taking a pooled one each round
   * queued the relay behind every transaction the service had waiting, and a burst of commits held
   * their events back for hundreds of ms (BENCHMARKS.md). Dropped after a failed round.
   */
  private connection: QueryRunner | null = null;
  /** Set by a round that stopped at `batchSize` or `maxBatchBytes`: more rows may be waiting. */
  private full = false;
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private failures = 0;
  private lastError = '';
  /** Transactions started, numbering their send chains. */
  private chains = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: Kafka,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.maxBatchBytes = options.maxBatchBytes ?? 900_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.wakeLingerMs = options.wakeLingerMs ?? 5;
    this.roundsPerTransaction = options.roundsPerTransaction ?? 8;
    if (!Number.isInteger(this.roundsPerTransaction) || this.roundsPerTransaction < 1) {
      throw new Error(`roundsPerTransaction must be a whole number of at least 1, not ${options.roundsPerTransaction}`);
    }
    this.logger = options.logger ?? new Logger(OutboxRelay.name);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** The worker thread its producer runs on, once connected; null while it runs on this thread or has none yet. */
  get producerThreadId(): number | null {
    return this.producer instanceof ThreadedProducer ? this.producer.threadId : null;
  }

  /** Called after a commit in this process: publish now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  health(): ComponentHealth {
    if (!this.running) return { name: 'relay', ready: false, state: 'stopped' };
    if (this.failures >= FAILURES_BEFORE_UNREADY) return { name: 'relay', ready: false, state: 'failing', detail: `${this.failures} rounds failed in a row: ${this.lastError}` };
    return { name: 'relay', ready: true, state: 'running' };
  }

  /** Parked rows, rows waiting, and the age of the oldest one waiting (each query matches a partial index). */
  async outboxHealth(): Promise<OutboxHealth> {
    const [pending]: { n: number; oldest: number | null }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n, extract(epoch FROM now() - min(created_at))::float AS oldest
         FROM outbox WHERE published_at IS NULL AND failed_at IS NULL`);
    const [parked]: { n: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL AND failed_at IS NOT NULL');
    return { parked: parked.n, pending: pending.n, oldestUnpublishedSeconds: Math.max(0, Math.round((pending.oldest ?? 0) * 10) / 10) };
  }

  /**
   * Stops the loop, then sends what is committed until nothing is left or `drainTimeoutMs` (default 5 s) has
   * passed — a broker that is down cannot hold shutdown — and disconnects.
   */
  async stop(): Promise<void> {
    const deadline = Date.now() + (this.options.drainTimeoutMs ?? 5_000);
    const wasRunning = this.running;
    this.running = false;
    this.wake();
    // A round stuck on a broker that is down is abandoned with the connection below; no drain beside it.
    const settled = this.loop ? await withDeadline(this.loop.then(() => true), deadline) : true;
    this.loop = null;
    let abandoned = !settled;
    if (wasRunning && settled) {
      while (Date.now() < deadline) {
        const sent = await withDeadline(this.publishBatch().catch(() => -1), deadline);
        abandoned = sent === undefined;
        if (sent === undefined || sent <= 0) break;
      }
    }
    const producer = this.producer;
    this.producer = null;
    await withDeadline(producer?.disconnect().catch(() => undefined) ?? Promise.resolve(), Date.now() + 1_000);
    // A round abandoned mid-transaction must not hand its open transaction back to the pool: close the connection.
    await this.releaseConnection(abandoned ? new Error('outbox relay stopped mid-round') : undefined);
  }

  /**
   * One round — claim, send, mark — or, while claims come back full (a backlog), up to `roundsPerTransaction`
   * rounds in one transaction, whose database work is done while Kafka takes the batch before: the next batch is
   * claimed, and the one sent before is marked, while the current one is on its way (docs/backbone.md, "The outbox
   * relay"). Returns how many rows were published or parked. Not to be run beside start()'s loop.
   *
   * On the relay's own client (no TypeORM per statement): the transaction starts with the first claim, whose advisory
   * lock is taken by the same statement before it reads a row (an InitPlan, a one-time filter), and the last mark is
   * sent with the COMMIT. Only numbers are written into the SQL.
   */
  async publishBatch(): Promise<number> {
    const producer = await this.connectedProducer();
    if (this.connection?.isReleased) this.connection = null; // lost with its socket: take another
    const connection = (this.connection ??= this.dataSource.createQueryRunner());
    try {
      const client = (await (connection as PostgresQueryRunner).connect()) as PoolClient;
      let batch = await this.claim(client, 'START TRANSACTION; ', []);
      if (batch.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      // The transaction's sends form one chain: once one fails, the producer refuses the ones queued behind it unsent.
      const chain = (this.chains += 1);
      let queueAhead = true;
      const published: string[] = [];
      let unmarked: ClaimedRow[] = [];
      let count = 0;
      let sending = this.send(producer, client, batch, chain);
      for (let round = 1; ; round += 1) {
        sending.catch(() => undefined); // awaited below: not unhandled while the database works meanwhile
        const claimAhead = this.full && round < this.roundsPerTransaction;
        // While Kafka takes this batch: mark the one before, claim the next (this one's rows are ours, not yet marked)
        // and queue it behind this one, so that the producer sends it as soon as this one is acknowledged.
        if (unmarked.length > 0) await this.mark(client, unmarked, '');
        const next = claimAhead ? await this.claim(client, '', batch) : [];
        const queued = next.length > 0 && queueAhead ? this.send(producer, client, next, chain) : null;
        queued?.catch(() => undefined);
        let sentIds: string[];
        try {
          sentIds = await sending;
        } catch (error) {
          if (!isPrecedingSendFailed(error)) throw error;
          // The batch before this one failed and was sent row by row (some rows parked): send this one now, after it.
          queueAhead = false;
          sentIds = await this.send(producer, client, batch);
        }
        const sent = new Set(sentIds);
        await this.options.afterSend?.([...sent]);
        unmarked = batch.filter((r) => sent.has(r.event_id));
        published.push(...unmarked.map((r) => r.event_id));
        count += batch.length;
        if (next.length === 0) break;
        batch = next;
        sending = queued ?? this.send(producer, client, batch);
      }
      await this.mark(client, unmarked, 'COMMIT');
      if (published.length > 0) this.options.onPublished?.(published);
      return count;
    } catch (error) {
      // The transaction may be open or aborted: drop the connection (the server rolls back), take a new one next round.
      await this.releaseConnection(error, connection);
      throw error;
    }
  }

  /**
   * Claims the next unsent rows, in id order, up to `batchSize` and `maxBatchBytes`, leaving out `inFlight` (rows this
   * transaction claimed and has not marked yet: its own locks do not hide them). Sets `full`.
   */
  private async claim(client: PoolClient, before: string, inFlight: ClaimedRow[]): Promise<ClaimedRow[]> {
    const excluding = inFlight.length > 0 ? `AND id NOT IN (SELECT unnest(${bigintArray(inFlight)}))` : '';
    const results = (await client.query(
      `${before}SELECT id, event_id, topic, message_key, event_type, envelope AS json, headers
         FROM outbox WHERE published_at IS NULL AND failed_at IS NULL AND (SELECT pg_try_advisory_xact_lock(${RELAY_LOCK_KEY})) ${excluding}
        ORDER BY id LIMIT ${this.batchSize} FOR UPDATE SKIP LOCKED`,
    )) as unknown as { rows: ClaimedRow[] } | [unknown, { rows: ClaimedRow[] }];
    const claimed = Array.isArray(results) ? results[1].rows : results.rows;
    const rows = withinBytes(claimed, this.maxBatchBytes);
    this.full = claimed.length >= this.batchSize || rows.length < claimed.length;
    return rows;
  }

  /** Sends the rows; a batch Kafka refuses for good is sent again row by row and the refused rows parked. Returns the ids sent. */
  private async send(producer: BatchProducer, client: PoolClient, rows: ClaimedRow[], chain?: number): Promise<string[]> {
    try {
      await this.sendTraced(producer, rows, chain);
      return rows.map((r) => r.event_id);
    } catch (error) {
      if (!isUnpublishable(error)) throw error;
    }
    // Row by row, in id order: per-key order holds, and a row sent twice (part of the batch may have landed) is
    // dropped by the consumers' inbox.
    const sent: string[] = [];
    for (const row of rows) {
      try {
        await this.sendTraced(producer, [row]);
        sent.push(row.event_id);
      } catch (error) {
        if (!isUnpublishable(error)) throw error;
        await this.park(client, row, error);
      }
    }
    return sent;
  }

  /**
   * One sendBatch, with a producer span per traced row and the publish metrics (its time includes the wait behind the
   * batch before it).
   */
  private async sendTraced(producer: BatchProducer, rows: ClaimedRow[], chain?: number): Promise<void> {
    const metrics = this.options.metrics ?? NO_MESSAGING_METRICS;
    const started = process.hrtime.bigint();
    const spans = startPublishSpans(rows);
    try {
      await producer.sendBatch({ acks: -1, topicMessages: groupByTopic(rows, spans) }, chain);
      spans.end();
    } catch (error) {
      spans.end(error);
      // A send refused unsent is sent again (or the round fails with the error of the one before it).
      if (!isPrecedingSendFailed(error)) metrics.publishFailed(rows.map(metricsOf), error);
      throw error;
    }
    metrics.eventsPublished(rows.map(metricsOf));
    metrics.batchDone('relay', 'outbox', rows.length, Number(process.hrtime.bigint() - started) / 1e9);
  }

  private async park(client: PoolClient, row: ClaimedRow, error: unknown): Promise<void> {
    const reason = String(error instanceof Error ? error.message : error).slice(0, 2000);
    await client.query('UPDATE outbox SET failed_at = now(), last_error = $2 WHERE id = $1', [row.id, reason]);
    this.logger.error(`outbox row ${row.id} (${row.event_type} ${row.event_id}, ${Buffer.byteLength(row.json)} bytes) parked: Kafka refuses it: ${reason}`);
    this.options.onParked?.(row.event_id, reason);
  }

  /** Marks rows sent, with `then` (COMMIT, or nothing) in the same simple query: one round trip. */
  private async mark(client: PoolClient, rows: ClaimedRow[], then: 'COMMIT' | ''): Promise<void> {
    const update = rows.length > 0 ? `UPDATE outbox SET published_at = now() WHERE id = ANY(${bigintArray(rows)})` : '';
    const sql = [update, then].filter(Boolean).join('; ');
    if (sql) await client.query(sql);
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      let published = 0;
      try {
        published = await this.publishBatch();
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        this.lastError = String(error);
        this.logger.warn(`outbox relay round failed (${this.failures} in a row), retrying: ${this.lastError}`);
        // A broker restart can leave the idempotent producer unusable (docs/backbone.md, trap 5): start a new one.
        await this.resetProducer();
        await this.releaseConnection();
      }
      if (published > 0 && this.full && this.running) continue; // more may be waiting
      const delay = this.failures > 0 ? Math.min(5000, 200 * 2 ** (this.failures - 1)) : this.pollIntervalMs;
      // Woken during the round (a commit it may not have seen): go again; else wait for a wake-up or the poll. A
      // wake-up while no round runs starts one after wakeLingerMs, and the wake-ups meanwhile join it.
      if (!this.woken || this.failures > 0) await this.sleep(delay);
      if (this.running && this.failures === 0 && this.wakeLingerMs > 0) await new Promise((r) => setTimeout(r, this.wakeLingerMs));
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
      if (!this.running) this.wakeUp();
    });
  }

  private async connectedProducer(): Promise<BatchProducer> {
    if (this.producer) return this.producer;
    const config = this.options.producerThread === false ? undefined : kafkaConfigFor(this.kafka);
    const producer = config ? new ThreadedProducer(config) : new OrderedProducer(this.kafka.producer(relayProducerConfig()));
    try {
      await producer.connect();
    } catch (error) {
      await producer.disconnect().catch(() => undefined); // a thread would otherwise stay
      throw error;
    }
    this.producer = producer;
    return producer;
  }

  /** Gives the connection back to the pool; with an error, the pool closes it instead (a transaction may be open). */
  private async releaseConnection(error?: unknown, connection: QueryRunner | null = this.connection): Promise<void> {
    // TypeORM's own way to release with an error (what it does when the socket fails), private in its typings.
    const old = connection as unknown as { release(): Promise<void>; releasePostgresConnection(error: Error): Promise<void> } | null;
    if (this.connection === connection) this.connection = null;
    if (error === undefined) await old?.release().catch(() => undefined);
    else await old?.releasePostgresConnection(error instanceof Error ? error : new Error(String(error))).catch(() => undefined);
  }

  private async resetProducer(): Promise<void> {
    const old = this.producer;
    this.producer = null;
    await withDeadline(old?.disconnect().catch(() => undefined) ?? Promise.resolve(), Date.now() + 2_000);
  }
}

/** The rows' ids as an SQL bigint[] literal; they are bigints PostgreSQL gave us, checked anyway since they go into the SQL. */
function bigintArray(rows: ClaimedRow[]): string {
  const ids = rows.map((r) => String(r.id));
  if (!ids.every((id) => /^[0-9]+$/.test(id))) throw new Error(`outbox ids are not bigints: ${ids.join(', ')}`);
  return `'{${ids.join(',')}}'::bigint[]`;
}

/** The first rows whose messages fit in `maxBytes` together; at least one. */
function withinBytes(rows: ClaimedRow[], maxBytes: number): ClaimedRow[] {
  let bytes = 0;
  let count = 0;
  for (const row of rows) {
    bytes += Buffer.byteLength(row.json) + Buffer.byteLength(row.message_key) + RECORD_OVERHEAD_BYTES;
    if (count > 0 && bytes > maxBytes) break;
    count += 1;
  }
  return rows.slice(0, count);
}

const isPrecedingSendFailed = (error: unknown) => error instanceof Error && error.name === PRECEDING_SEND_FAILED;

const metricsOf = (row: ClaimedRow) => ({ topic: row.topic, type: row.event_type });

function groupByTopic(rows: ClaimedRow[], spans: PublishSpans): { topic: string; messages: Message[] }[] {
  const byTopic = new Map<string, Message[]>();
  for (const [index, row] of rows.entries()) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({
      key: row.message_key,
      value: row.json,
      headers: {
        ...spans.headersOf(index),
        'event-id': row.event_id,
        'event-type': row.event_type,
        ...envelopeHeaders(row.json),
      },
    });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/**
 * `event-version` and `correlation-id` from the envelope. Only `publish` writes the outbox, so it is JSON; a row
 * that is not (an operator's hand-made one) goes without them, and its consumers dead-letter it as unreadable.
 */
function envelopeHeaders(json: string): Record<string, string> {
  let envelope: { version?: unknown; correlationId?: unknown };
  try {
    envelope = JSON.parse(json) ?? {};
  } catch {
    return {};
  }
  const headers: Record<string, string> = {};
  if (envelope.version != null) headers['event-version'] = String(envelope.version);
  if (envelope.correlationId != null) headers['correlation-id'] = String(envelope.correlationId);
  return headers;
}

/** Resolves with the promise's value, or undefined once `deadline` (epoch ms) has passed. */
export async function withDeadline<T>(promise: Promise<T>, deadline: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, deadline - Date.now()));
    timer.unref();
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
