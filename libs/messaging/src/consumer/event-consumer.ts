import { Logger } from '@nestjs/common';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage, Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { GiftflowEvent, Publisher, parseEvent } from '@giftflow/contracts';
import { sendToDeadLetterTopic } from '../dlq/dead-letter.publisher';
import { OutboxTransaction, writeOutboxRows } from '../outbox/outbox-transaction';
import { MessagingMetrics, NO_MESSAGING_METRICS } from '../observability/messaging-metrics';
import { handleInTraceContext } from '../observability/trace-context';
import { isInfrastructureError } from './infrastructure-error';
import { Subscription } from './subscription';

export interface EventConsumerOptions {
  /** Names the inbox rows and the consumer group: one per service (or per projection). */
  name: string;
  /** The service this consumer runs in: events its handlers publish carry this source (null: publishes none). */
  source: Publisher | null;
  topics: string[];
  subscriptions: Subscription[];
  topicPrefix?: string;
  groupId?: string;
  /** Attempts for one message before it goes to `<topic>.dlq` (DESIGN: bounded retries). */
  maxAttempts?: number;
  retryBackoffMs?: number;
  /** Messages handled in one database transaction on the fast path. */
  chunkSize?: number;
  partitionsConsumedConcurrently?: number;
  /** Called after each committed chunk, for progress and benchmarks. */
  onHandled?: (events: GiftflowEvent[]) => void;
  /** Wakes the relay when handlers published events. */
  onPublished?: () => void;
  logger?: Pick<Logger, 'log' | 'warn' | 'error'>;
  metrics?: MessagingMetrics;
}

interface Work {
  topic: string;
  message: KafkaMessage;
  event: GiftflowEvent;
  subscription: Subscription;
}

/**
 * An idempotent Kafka consumer on kafkajs' `eachBatch`:
 * - each chunk of messages is handled in one PostgreSQL transaction that also inserts their event
 *   ids into `inbox`; an id already there is skipped, so a redelivery changes nothing (PITFALLS 1);
 * - offsets are committed only after that transaction commits (autoCommit off);
 * - a chunk that fails is retried one message at a time, each up to `maxAttempts`, and a message that
 *   still fails goes to `<topic>.dlq` with the error; the partition keeps flowing (PITFALLS 13);
 * - a message that fails its schema goes to the DLQ at once: retrying cannot fix it;
 * - a database or connection outage is not the message's fault: the batch is retried, nothing is
 *   dead-lettered and no offset moves;
 * - heartbeats go out between chunks and the batch stops early on rebalance or shutdown (PITFALLS 3, 9);
 * - a consumer that crashes for good is started again (PITFALLS 4).
 */
export class EventConsumer {
  private consumer: Consumer | null = null;
  private dlqProducer: Producer | null = null;
  private readonly byKey: Map<string, Subscription>;
  private readonly logger: Pick<Logger, 'log' | 'warn' | 'error'>;
  private stopping = false;
  private readonly metrics: MessagingMetrics;

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly options: EventConsumerOptions,
  ) {
    this.byKey = new Map(options.subscriptions.map((s) => [s.definition.key, s]));
    this.logger = options.logger ?? new Logger(`EventConsumer:${options.name}`);
    this.metrics = options.metrics ?? NO_MESSAGING_METRICS;
  }

  get groupId(): string {
    return this.options.groupId ?? `${this.options.topicPrefix ?? ''}giftflow.${this.options.name}`;
  }

  async start(): Promise<void> {
    this.stopping = false;
    this.dlqProducer ??= this.kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await this.dlqProducer.connect();
    const consumer = this.kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 1000 });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.stopping) return; // kafkajs restarts retriable crashes itself
      this.logger.error(`consumer ${this.options.name} crashed for good (${payload.error.message}); starting it again`);
      void this.restart();
    });
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    this.metrics.consumerStarted({ consumer: this.options.name, groupId: this.groupId, topics: this.options.topics });
  }

  /** Lets the batch in flight finish its chunk and commit, then leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.metrics.consumerStopped(this.options.name);
    await this.consumer?.disconnect().catch(() => undefined);
    this.consumer = null;
    await this.dlqProducer?.disconnect().catch(() => undefined);
    this.dlqProducer = null;
  }

  private async restart(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    this.consumer = null;
    await new Promise((r) => setTimeout(r, 1000));
    if (!this.stopping) await this.start().catch((e) => this.logger.error(`restart failed: ${String(e)}`));
  }

  private async handleBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const chunkSize = this.options.chunkSize ?? 500;
    for (let start = 0; start < batch.messages.length; start += chunkSize) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + chunkSize);
      const started = process.hrtime.bigint();
      const work: Work[] = [];
      for (const message of chunk) {
        const item = await this.toWork(batch.topic, batch.partition, message);
        if (item) work.push(item);
      }
      if (work.length > 0) await this.handleChunk(batch.topic, batch.partition, work, heartbeat);
      const last = chunk[chunk.length - 1].offset;
      resolveOffset(last);
      // autoCommit is off, so commit explicitly: the next offset, only now that the work has committed.
      const next = (BigInt(last) + 1n).toString();
      await commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] }] });
      this.metrics.batchDone('consumer', this.options.name, chunk.length, Number(process.hrtime.bigint() - started) / 1e9);
      await heartbeat();
    }
  }

  /** Parses a message; returns null for events this consumer does not subscribe to or dead-lettered ones. */
  private async toWork(topic: string, partition: number, message: KafkaMessage): Promise<Work | null> {
    let raw: unknown;
    try {
      raw = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch {
      await this.deadLetter(topic, partition, message, 0, 'message value is not JSON');
      return null;
    }
    const typeKey = typeof raw === 'object' && raw !== null ? `${(raw as { type?: unknown }).type}.v${(raw as { version?: unknown }).version}` : '';
    const subscription = this.byKey.get(typeKey);
    const parsed = parseEvent(raw);
    if (!parsed.ok) {
      // Not ours and merely unknown to this build (a newer version, say): not an error for us.
      if (!subscription && parsed.reason.startsWith('unknown event')) return null;
      await this.deadLetter(topic, partition, message, 0, `schema: ${parsed.reason}`);
      return null;
    }
    if (!subscription) return null;
    return { topic, message, event: parsed.event, subscription };
  }

  private async handleChunk(topic: string, partition: number, work: Work[], heartbeat: () => Promise<void>): Promise<void> {
    try {
      await this.inTransaction(work);
      return;
    } catch (error) {
      if (isInfrastructureError(error)) throw error; // no commit: kafkajs retries the batch
      this.logger.warn(`chunk of ${work.length} failed (${String(error)}); handling one at a time`);
    }
    for (const item of work) {
      await this.handleOneWithRetries(topic, partition, item);
      await heartbeat();
    }
  }

  private async handleOneWithRetries(topic: string, partition: number, item: Work): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.inTransaction([item]);
        return;
      } catch (error) {
        if (isInfrastructureError(error)) throw error;
        if (attempt >= maxAttempts) {
          this.logger.error(`${item.event.type} ${item.event.id} failed ${attempt} times; dead-lettered: ${String(error)}`);
          await this.deadLetter(topic, partition, item.message, attempt, describe(error));
          return;
        }
        await new Promise((r) => setTimeout(r, (this.options.retryBackoffMs ?? 200) * attempt));
      }
    }
  }

  /** One transaction: record the event ids, run the handlers for the new ones, write their events. */
  private async inTransaction(work: Work[]): Promise<void> {
    let published = 0;
    const handled: GiftflowEvent[] = [];
    await this.dataSource.transaction(async (manager) => {
      const values: unknown[] = [this.options.name];
      const tuples = work.map((w, i) => {
        values.push(w.event.id, w.event.type);
        return `($1, $${i * 2 + 2}::uuid, $${i * 2 + 3})`;
      });
      const inserted: { event_id: string }[] = await manager.query(
        `INSERT INTO inbox (consumer, event_id, event_type) VALUES ${tuples.join(', ')}
         ON CONFLICT DO NOTHING RETURNING event_id`,
        values,
      );
      const fresh = new Set(inserted.map((r) => r.event_id));
      const pending = [];
      const todo = work.filter((w) => fresh.delete(w.event.id)); // not handled before, nor twice in this chunk
      for (let i = 0; i < todo.length; ) {
        const { event, subscription } = todo[i];
        // A batch subscription takes the run of its events that follow one another; any other takes one.
        let end = i + 1;
        if (subscription.handleMany) while (end < todo.length && todo[end].subscription === subscription) end += 1;
        const tx = new OutboxTransaction(manager, this.options.source, this.options.topicPrefix ?? '', {
          actor: event.actor,
          correlationId: event.correlationId,
          causationId: event.id,
        });
        const run = todo.slice(i, end);
        const events = run.map((w) => w.event);
        await handleInTraceContext(this.options.name, todo[i].topic, run.map((w) => w.message), events, () =>
          subscription.handleMany ? subscription.handleMany(events, tx) : subscription.handle(event, tx));
        pending.push(...tx.pending);
        handled.push(...events);
        i = end;
      }
      await writeOutboxRows(manager, pending);
      published = pending.length;
    });
    if (published > 0) this.options.onPublished?.();
    this.metrics.eventsHandled(this.options.name, handled);
    this.options.onHandled?.(handled);
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, attempts: number, error: string): Promise<void> {
    if (!this.dlqProducer) throw new Error('dead-letter producer is not connected');
    await sendToDeadLetterTopic(this.dlqProducer, { topic, partition, message, consumer: this.options.name, attempts, error });
    this.metrics.eventDeadLettered(this.options.name, topic, attempts === 0 ? 'schema' : 'handler');
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
