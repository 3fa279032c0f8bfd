import { Logger } from '@nestjs/common';
import { Kafka, Message, Partitioners, Producer } from 'kafkajs';
import { DataSource, QueryRunner } from 'typeorm';
import { MessagingMetrics, NO_MESSAGING_METRICS } from '../observability/messaging-metrics';
import { PublishSpans, startPublishSpans } from '../observability/trace-context';

export interface OutboxRelayOptions {
  /** Rows claimed and sent per round (PITFALLS 10: kafkajs batches nothing by itself). */
  batchSize?: number;
  /** Fallback poll when nothing woke the relay (a commit in this process wakes it at once). */
  pollIntervalMs?: number;
  /** Test seam for fault tests: runs after Kafka acknowledged a batch, before it is marked sent. */
  afterSend?: (eventIds: string[]) => Promise<void> | void;
  logger?: Pick<Logger, 'log' | 'warn' | 'error'>;
  metrics?: MessagingMetrics;
}

interface ClaimedRow {
  id: string;
  event_id: string;
  topic: string;
  message_key: string;
  event_type: string;
  envelope: { version: number; correlationId: string };
  headers: Record<string, string> | null;
}

/** Only one relay per database publishes at a time, so events leave in commit order per key. */
const RELAY_LOCK_KEY = 0x6766_6f62; // "gfob"

/**
 * Publishes committed outbox rows to Kafka and marks them sent.
 *
 * Rows are claimed by status (`published_at IS NULL`) with `FOR UPDATE SKIP LOCKED` inside a
 * transaction that stays open while Kafka acknowledges the batch, so a row committed late behind a
 * higher id is still found (PITFALLS 17), and a relay that dies mid-batch releases its claim with
 * its connection: the next round sends the batch again (consumers drop the duplicate by event id).
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly logger: Pick<Logger, 'log' | 'warn' | 'error'>;
  private producer: Producer | null = null;
  /**
   * The relay's own connection, held from its first round to stop(): taking a pooled one each round
   * queued the relay behind every transaction the service had waiting, and a burst of commits held
   * their events back for hundreds of ms (BENCHMARKS.md). Dropped after a failed round.
   */
  private connection: QueryRunner | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private failures = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: Kafka,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.logger = options.logger ?? new Logger(OutboxRelay.name);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Called after a commit in this process: publish now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Finishes the batch in flight, then disconnects. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = null;
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = null;
    await this.releaseConnection();
  }

  /** One round: claim, send, mark. Returns how many rows were published. Not to be run beside start()'s loop. */
  async publishBatch(): Promise<number> {
    const producer = await this.connectedProducer();
    if (this.connection?.isReleased) this.connection = null; // lost with its socket: take another
    this.connection ??= this.dataSource.createQueryRunner();
    return this.connection.manager.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK_KEY]);
      if (!locked) return 0;
      const rows: ClaimedRow[] = await manager.query(
        `SELECT id, event_id, topic, message_key, event_type, envelope, headers FROM outbox
          WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      const metrics = this.options.metrics ?? NO_MESSAGING_METRICS;
      const started = process.hrtime.bigint();
      const spans = startPublishSpans(rows);
      try {
        await producer.sendBatch({ acks: -1, topicMessages: groupByTopic(rows, spans) });
        spans.end();
      } catch (error) {
        spans.end(error);
        metrics.publishFailed(rows.map(metricsOf), error);
        throw error;
      }
      metrics.eventsPublished(rows.map(metricsOf));
      metrics.batchDone('relay', 'outbox', rows.length, Number(process.hrtime.bigint() - started) / 1e9);
      const ids = rows.map((r) => r.event_id);
      await this.options.afterSend?.(ids);
      await manager.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      return rows.length;
    });
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
        this.logger.warn(`outbox relay round failed (${this.failures} in a row), retrying: ${String(error)}`);
        // A broker restart can leave the idempotent producer unusable (PITFALLS 5): start a new one.
        await this.resetProducer();
        await this.releaseConnection();
      }
      if (published === this.batchSize && this.running) continue;
      const delay = this.failures > 0 ? Math.min(5000, 200 * 2 ** (this.failures - 1)) : this.pollIntervalMs;
      if (!this.woken || this.failures > 0) await this.sleep(delay);
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
    });
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner, // Java-compatible: same key, same partition everywhere
    });
    await producer.connect();
    this.producer = producer;
    return producer;
  }

  private async releaseConnection(): Promise<void> {
    const old = this.connection;
    this.connection = null;
    await old?.release().catch(() => undefined);
  }

  private async resetProducer(): Promise<void> {
    const old = this.producer;
    this.producer = null;
    await old?.disconnect().catch(() => undefined);
  }
}

const metricsOf = (row: ClaimedRow) => ({ topic: row.topic, type: row.event_type });

function groupByTopic(rows: ClaimedRow[], spans: PublishSpans): { topic: string; messages: Message[] }[] {
  const byTopic = new Map<string, Message[]>();
  for (const [index, row] of rows.entries()) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({
      key: row.message_key,
      value: JSON.stringify(row.envelope),
      headers: {
        ...spans.headersOf(index),
        'event-id': row.event_id,
        'event-type': row.event_type,
        'event-version': String(row.envelope.version),
        'correlation-id': row.envelope.correlationId,
      },
    });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
