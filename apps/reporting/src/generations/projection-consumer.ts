import { Logger } from '@nestjs/common';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage, Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { GiftflowEvent, parseEvent } from '@giftflow/contracts';
import { ComponentHealth, HealthSource, isInfrastructureError, sendToDeadLetterTopic } from '@giftflow/messaging';
import { projectChunk, projectionOf, projectsType } from '../reporting.subscriptions';
import { analyzeGenerationPartitions } from './generation-partitions';

export interface ProjectionConsumerOptions {
  /** Names the consumer in dead letters and logs (`reporting.g<N>`). */
  name: string;
  groupId: string;
  topics: string[];
  generation: number;
  /** Messages projected in one transaction. */
  chunkSize?: number;
  /** Partitions projected at once: safe, as projections only insert facts keyed by event (or touch one aggregate's rows). */
  partitionsConsumedConcurrently?: number;
  maxAttempts?: number;
  retryBackoffMs?: number;
}

interface Work {
  message: KafkaMessage;
  event: GiftflowEvent;
}

/**
 * Builds one generation of reporting's read models from the topics. The backbone's EventConsumer records every
 * event id in `inbox` to handle it once; reporting's projections are idempotent by themselves (facts keyed by the
 * event that stated them, `ON CONFLICT DO NOTHING`), so this consumer keeps the rest of its guarantees without
 * the inbox row per event, and writes a whole chunk's facts with one statement per table, whatever the order of
 * the event types in it:
 * - offsets are committed only after the chunk's transaction committed; a redelivery writes nothing new;
 * - a chunk that fails is projected again one event at a time, up to `maxAttempts`, and an event that still fails
 *   goes to `<topic>.dlq` (the backbone's dead-letter publisher); one that fails its schema goes there at once;
 * - a database or connection outage is not the event's fault: nothing is dead-lettered and no offset moves;
 * - heartbeats between chunks, early stop on rebalance or shutdown, restart after a crash for good (docs/backbone.md, known traps 3, 4, 9).
 */
export class ProjectionConsumer implements HealthSource {
  private consumer: Consumer | null = null;
  private dlqProducer: Producer | null = null;
  private stopping = false;
  private readonly logger: Logger;
  /** Events this consumer has projected, and how many it had when it last analyzed the generation's tables. */
  private projected = 0;
  private analyzedAt = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly options: ProjectionConsumerOptions,
  ) {
    this.logger = new Logger(`Projections:${options.name}`);
  }

  async start(): Promise<void> {
    this.stopping = false;
    this.dlqProducer ??= this.kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await this.dlqProducer.connect();
    const consumer = this.kafka.consumer({ groupId: this.options.groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 1000, maxBytesPerPartition: 2 * 1024 * 1024 });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.stopping) return; // kafkajs restarts retriable crashes itself
      this.logger.error(`crashed for good (${payload.error.message}); starting again`);
      void this.restart();
    });
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  /** For /health (readiness): not ready while it is not consuming (restarting after a crash, or stopped). */
  health(): ComponentHealth {
    const running = this.consumer !== null && !this.stopping;
    return { name: `consumer:${this.options.name}`, ready: running, state: running ? 'running' : 'stopped' };
  }

  /** Lets the chunk in flight finish and commit, then leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
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
    const chunkSize = this.options.chunkSize ?? 2000;
    for (let start = 0; start < batch.messages.length; start += chunkSize) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + chunkSize);
      const work: Work[] = [];
      for (const message of chunk) {
        const read = readMessage(message);
        if ('event' in read) work.push(read);
        else if (read.deadLetter) await this.deadLetter(batch.topic, batch.partition, message, 0, read.deadLetter);
      }
      if (work.length > 0) await this.project(batch.topic, batch.partition, work, heartbeat);
      const last = chunk[chunk.length - 1].offset;
      resolveOffset(last);
      await commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: (BigInt(last) + 1n).toString() }] }] });
      await heartbeat();
    }
  }

  private async project(topic: string, partition: number, work: Work[], heartbeat: () => Promise<void>): Promise<void> {
    try {
      await this.inTransaction(work.map((w) => w.event));
      return;
    } catch (error) {
      if (isInfrastructureError(error)) throw error; // no commit: kafkajs retries the batch
      this.logger.warn(`chunk of ${work.length} failed (${String(error)}); projecting one at a time`);
    }
    for (const item of work) {
      await this.projectOneWithRetries(topic, partition, item);
      await heartbeat();
    }
  }

  private async projectOneWithRetries(topic: string, partition: number, item: Work): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.inTransaction([item.event]);
        return;
      } catch (error) {
        if (isInfrastructureError(error)) throw error;
        if (attempt >= maxAttempts) {
          this.logger.error(`${item.event.type} ${item.event.id} failed ${attempt} times; dead-lettered: ${String(error)}`);
          await this.deadLetter(topic, partition, item.message, attempt, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
          return;
        }
        await new Promise((r) => setTimeout(r, (this.options.retryBackoffMs ?? 200) * attempt));
      }
    }
  }

  private async inTransaction(events: GiftflowEvent[]): Promise<void> {
    await this.dataSource.transaction((manager) => projectChunk(events, manager, this.options.generation));
    await this.analyzeAsItGrows(events.length);
  }

  /**
   * A generation built from an empty partition (a rebuild, or the first one) has no statistics until autovacuum gets to
   * it, and the planner then takes its tables for tiny: the projections' one join (`linkDeliveryCampaigns`) was planned
   * as a walk over the whole generation per chunk, and the beneficiary projection's read of current versions
   * (`beneficiary_id = ANY(…)`) as a walk over every current version of the generation per run of registrations — a
   * replay slowing as it grew (BENCHMARKS.md, "Second round" and "Third round"). So these tables are analyzed each time
   * this consumer has projected three times as many events as the last time (10,000, 30,000, 90,000…): a handful of
   * ANALYZEs of a sample each, over a whole replay.
   */
  private async analyzeAsItGrows(projected: number): Promise<void> {
    this.projected += projected;
    if (this.projected < Math.max(10_000, this.analyzedAt * 3)) return;
    this.analyzedAt = this.projected;
    await analyzeGenerationPartitions(this.dataSource, this.options.generation, ['delivered_lots', 'requested_lines', 'beneficiary_versions'])
      .catch((error) => this.logger.warn(`analyzing generation ${this.options.generation} failed: ${String(error)}`)); // only statistics
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, attempts: number, error: string): Promise<void> {
    if (!this.dlqProducer) throw new Error('dead-letter producer is not connected');
    await sendToDeadLetterTopic(this.dlqProducer, { topic, partition, message, consumer: this.options.name, attempts, error });
    // Recorded as a dead inbox row, as the backbone's consumer does: a rebuild that dead-lettered events waits for a
    // decision instead of being swapped in (GenerationConsumers.deadLetteredBy, docs/backbone.md).
    const id = message.headers?.['event-id']?.toString() ?? readId(message);
    if (id) {
      await this.dataSource.query(
        `INSERT INTO inbox (consumer, event_id, event_type, status, error) VALUES ($1, $2, $3, 'dead', $4) ON CONFLICT DO NOTHING`,
        [this.options.name, id.toLowerCase(), message.headers?.['event-type']?.toString() ?? '', error.slice(0, 2000)],
      );
    }
  }
}

/**
 * Parses a message once (JSON, then the contract): the event to project, or why it is skipped — `deadLetter` set when it
 * must go to the dead-letter topic, null when reporting simply does not read it. Synchronous: a chunk's messages are
 * parsed in one go, with no promise per message.
 */
function readMessage(message: KafkaMessage): Work | { deadLetter: string | null } {
  let raw: unknown;
  try {
    raw = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch {
    return { deadLetter: 'message value is not JSON' };
  }
  const { type, version } = (typeof raw === 'object' && raw !== null ? raw : {}) as { type?: unknown; version?: unknown };
  const read = projectionOf(String(type), Number(version));
  if (!read && projectsType(String(type))) {
    // A version of an event reporting projects that this build cannot read: never skipped silently (docs/backbone.md).
    return { deadLetter: `unsupported version ${String(version)} of ${String(type)}` };
  }
  const parsed = parseEvent(raw);
  if (!parsed.ok) {
    // Not ours and merely unknown to this build (a newer version, say): not an error for us.
    if (!read && parsed.reason.startsWith('unknown event')) return { deadLetter: null };
    return { deadLetter: `schema: ${parsed.reason}` };
  }
  return read ? { message, event: parsed.event } : { deadLetter: null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The envelope id of a message whose headers lack it, when its value is JSON with a uuid `id`. */
function readId(message: KafkaMessage): string | null {
  try {
    const id = (JSON.parse(message.value?.toString('utf8') ?? '') as { id?: unknown }).id;
    return typeof id === 'string' && UUID.test(id) ? id : null;
  } catch {
    return null;
  }
}
