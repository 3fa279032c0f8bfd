import { Logger } from '@nestjs/common';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage, Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { GiftflowEvent, Publisher, describeIssues, envelopeSchema, parsePayload } from '@giftflow/contracts';
import { DLQ_HEADERS, sendToDeadLetterTopic } from '../dlq/dead-letter.publisher';
import { ComponentHealth } from '../health/messaging-health';
import { canonicalId } from '../ids/canonical-id';
import { OutboxQueue, OutboxTransaction } from '../outbox/outbox-transaction';
import { transactionWithOutbox } from '../transaction/transaction-with-outbox';
import { LITERAL_ROWS_PER_ROUND_TRIP, sqlLiteral } from '../database/sql-literal';
import { PreparedStatements, preparedStatementsOf } from '../database/prepared-statements';
import { wholeNumberFromEnv } from '../config/whole-number-from-env';
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
  /** Attempts for one message whose handler throws before it goes to `<topic>.dlq` (bounded retries). */
  maxAttempts?: number;
  retryBackoffMs?: number;
  /** Messages handled in one database transaction on the fast path. */
  chunkSize?: number;
  /**
   * Partitions whose chunks are handled at the same time, each in its own transaction (default 3). Per-key order
   * holds (a key lives in one partition); handlers of different keys may run side by side, as HTTP commands already
   * do beside them. One at a time, a per-event handler's round trip per event bounds the whole consumer
   * (docs/backbone.md, "Partitions handled side by side").
   */
  partitionsConsumedConcurrently?: number;
  /** Infrastructure failures in a row after which the consumer reports itself paused (not ready); default 3. */
  pauseAfterInfrastructureFailures?: number;
  /** Backoff between retries after an infrastructure error: doubles from `initial` up to `max` ms. */
  infrastructureBackoffMs?: { initial: number; max: number };
  /** Backoff between restarts of a consumer that crashed for good: doubles from `initial` up to `max` ms. */
  restartBackoffMs?: { initial: number; max: number };
  /**
   * Distinct parameterized statements (handlers' and ours) sent as named prepared statements, parsed and planned once
   * per connection (docs/backbone.md, "Prepared statements"); default PG_PREPARED_STATEMENTS or 100; 0 turns it off
   * (a pooler in transaction mode that cannot keep them).
   */
  preparedStatements?: number;
  /** How long `stop()` waits for the chunk in flight and for leaving the group; default 8 s. */
  stopTimeoutMs?: number;
  /**
   * Called after each chunk's transaction (work, inbox rows and position) commits, with the events its handlers
   * ran for (progress, benchmarks, metrics); a returned promise is awaited before the next chunk.
   */
  onHandled?: (events: GiftflowEvent[]) => void | Promise<void>;
  /** Called for each letter written to the DLQ (metrics, alerts). */
  onDeadLettered?: (letter: { eventId: string | null; type: string; reason: string }) => void;
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
  /** Sent back by `npm run dlq -- replay` for this consumer: an inbox row marked dead may be handled now. */
  replay: boolean;
}

interface Letter {
  message: KafkaMessage;
  eventId: string | null;
  type: string;
  reason: string;
  attempts: number;
  replay: boolean;
}

/** Where a partition's work ends: the next offset to handle, stored with the work that reaches it. */
interface Position {
  topic: string;
  partition: number;
  next: string;
}

type Decision = { kind: 'work'; work: Work } | { kind: 'dead'; letter: Letter } | { kind: 'skip'; what: string } | { kind: 'stall'; reason: string };

/** What a batch may still do: false once the consumer stops, the batch went stale or a rebalance took it. */
interface BatchContext {
  alive: () => boolean;
  heartbeat: () => Promise<boolean>;
}

type State = 'stopped' | 'starting' | 'running' | 'paused' | 'stalled' | 'restarting';

/**
 * An idempotent Kafka consumer on kafkajs' `eachBatch` (docs/backbone.md, "The consumer"):
 * - each chunk of messages is handled in one PostgreSQL transaction that also inserts their (canonical) event
 *   ids into `inbox`; an id already there is skipped, so a redelivery changes nothing (docs/backbone.md, traps 1, 22);
 * - the partition's position (next offset) is stored in `consumer_offsets` by that same transaction, and sought
 *   when the partition is assigned: nothing is committed to Kafka (docs/backbone.md, "Offsets in the consumer's database");
 * - nothing is skipped silently: a message that is not JSON, not an envelope or breaks its contract, and a
 *   subscribed type at a version without a handler, go to `<topic>.dlq` (or, for `unsupportedVersions:
 *   'stall'`, stop the partition); types not subscribed to are skipped and counted (docs/backbone.md, trap 21);
 * - a chunk that fails is retried one message at a time, each up to `maxAttempts`, and a message that still
 *   fails goes to the DLQ; the partition keeps flowing (docs/backbone.md, trap 13);
 * - every dead letter is recorded in the inbox (status dead) in the transaction that decides it, so a
 *   redelivery writes no second letter;
 * - infrastructure errors (SQLSTATE classes, lost connections) are retried with backoff, never dead-lettered;
 *   after a few in a row the consumer reports itself paused until the work goes through (docs/backbone.md, trap 24);
 * - heartbeats go out between chunks and the batch stops early on rebalance or shutdown (docs/backbone.md, traps 3, 9);
 * - a consumer that crashes for good is started again with capped backoff until stopped (docs/backbone.md, trap 4).
 */
export class EventConsumer {
  private consumer: Consumer | null = null;
  private dlqProducer: Producer | null = null;
  private readonly byKey: Map<string, Subscription>;
  private readonly subscribedTypes: Map<string, Subscription[]>;
  private readonly logger: Pick<Logger, 'log' | 'warn' | 'error'>;
  private stopping = false;
  private readonly metrics: MessagingMetrics;
  private state: State = 'stopped';
  private detail = '';
  private restarts = 0;
  private restartLoop: Promise<void> | null = null;
  private wakeSleepers = new Set<() => void>();
  /** The batches being handled (one per partition handled at the same time): stop() lets each finish or roll back. */
  private readonly inFlight = new Set<Promise<void>>();
  /** Positions stored in the database, per `topic:partition`, as last read or written in this assignment (null: none). */
  private readonly positions = new Map<string, bigint | null>();
  /** Partitions sought to their stored position in this assignment (once each: a position Kafka no longer has is left). */
  private readonly sought = new Set<string>();
  /** Messages of types this consumer does not subscribe to, by `type.vN`. */
  readonly skipped = new Map<string, number>();
  /** Names for the chunk transactions' statements (undefined: sent unnamed). */
  private readonly statements: PreparedStatements | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly options: EventConsumerOptions,
  ) {
    this.byKey = new Map(options.subscriptions.map((s) => [s.definition.key, s]));
    this.subscribedTypes = new Map();
    for (const s of options.subscriptions) this.subscribedTypes.set(s.definition.type, [...(this.subscribedTypes.get(s.definition.type) ?? []), s]);
    this.logger = options.logger ?? new Logger(`EventConsumer:${options.name}`);
    this.metrics = options.metrics ?? NO_MESSAGING_METRICS;
    const prepared = options.preparedStatements
      ?? wholeNumberFromEnv(process.env, 'PG_PREPARED_STATEMENTS', 0, 'a whole number of statements (0: none)') ?? DEFAULT_PREPARED_STATEMENTS;
    this.statements = prepared > 0 ? preparedStatementsOf(dataSource, prepared) : undefined;
  }

  get name(): string {
    return this.options.name;
  }

  get groupId(): string {
    return this.options.groupId ?? `${this.options.topicPrefix ?? ''}giftflow.${this.options.name}`;
  }

  health(): ComponentHealth {
    const ready = this.state === 'running';
    return { name: `consumer:${this.options.name}`, ready, state: this.state, ...(this.detail && !ready ? { detail: this.detail } : {}) };
  }

  async start(): Promise<void> {
    this.stopping = false;
    this.setState('starting');
    try {
      await this.connect();
    } catch (error) {
      await this.disconnect();
      this.setState('stopped', String(error));
      throw error;
    }
  }

  /** Lets the chunk in flight finish (or roll back), then leaves the group; bounded by `stopTimeoutMs`. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.metrics.consumerStopped(this.options.name);
    for (const wake of this.wakeSleepers) wake();
    const deadline = Date.now() + (this.options.stopTimeoutMs ?? 8_000);
    await within(this.restartLoop ?? Promise.resolve(), deadline);
    await within(Promise.all(this.inFlight), deadline);
    await within(this.disconnect(), deadline + 1_000);
    this.setState('stopped');
  }

  private async connect(): Promise<void> {
    this.dlqProducer ??= this.kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await this.dlqProducer.connect();
    const consumer: Consumer = this.kafka.consumer({
      groupId: this.groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 1000,
      // kafkajs restarts a crashed consumer by itself, also one that stop() disconnected while that restart was still
      // reaching for a broker that is gone: it would then retry in the background for good (kafkajs' default: 5 retries).
      retry: { retries: 5, restartOnFailure: async () => !this.stopping && this.consumer === consumer },
    });
    this.consumer = consumer;
    this.positions.clear();
    this.sought.clear();
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (this.stopping || this.consumer !== consumer) return;
      if (payload.restart) {
        this.setState('restarting', `kafkajs restarts it: ${payload.error.message}`); // kafkajs restarts retriable crashes itself
        return;
      }
      this.logger.error(`consumer ${this.options.name} crashed for good (${payload.error.message}); starting it again`);
      this.restartLoop ??= this.restartWithBackoff(String(payload.error.message)).finally(() => (this.restartLoop = null));
    });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      // A new assignment: another member may have moved any partition meanwhile, so positions are read again.
      this.positions.clear();
      this.sought.clear();
      if (this.consumer === consumer && !this.stopping && this.state !== 'stalled' && this.state !== 'paused') this.setState('running');
    });
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? DEFAULT_PARTITIONS_CONCURRENTLY,
      eachBatch: (payload) => this.track(this.handleBatch(payload, consumer)),
    });
    this.metrics.consumerStarted({ consumer: this.options.name, groupId: this.groupId, topics: this.options.topics });
  }

  private async disconnect(): Promise<void> {
    const consumer = this.consumer;
    const producer = this.dlqProducer;
    this.consumer = null;
    this.dlqProducer = null;
    await consumer?.disconnect().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
  }

  /** Starts the consumer again after a crash, waiting 1 s, 2 s, 4 s… (capped at 10 s) between attempts, until it runs or stop() is called. */
  private async restartWithBackoff(reason: string): Promise<void> {
    const { initial, max } = this.options.restartBackoffMs ?? { initial: 1_000, max: 10_000 };
    for (let attempt = 1; !this.stopping; attempt += 1) {
      this.setState('restarting', reason);
      this.restarts += 1;
      await this.disconnect();
      await this.sleep(Math.min(max, initial * 2 ** (attempt - 1)));
      if (this.stopping) return;
      try {
        await this.connect();
        this.logger.log(`consumer ${this.options.name} restarted (attempt ${attempt})`);
        return;
      } catch (error) {
        reason = String(error);
        this.logger.error(`restarting consumer ${this.options.name} failed (attempt ${attempt}): ${reason}`);
      }
    }
  }

  private async track(batch: Promise<void>): Promise<void> {
    const settled = batch.catch(() => undefined);
    this.inFlight.add(settled);
    try {
      await batch;
    } finally {
      this.inFlight.delete(settled);
    }
  }

  private async handleBatch(payload: EachBatchPayload, consumer: Consumer): Promise<void> {
    const { batch, resolveOffset, isRunning, isStale, pause } = payload;
    const context: BatchContext = {
      alive: () => !this.stopping && isRunning() && !isStale(),
      heartbeat: () => payload.heartbeat().then(() => true, () => false),
    };
    const key = `${batch.topic}:${batch.partition}`;
    const stored = await this.storedPosition(batch.topic, batch.partition, context);
    if (stored === undefined || batch.messages.length === 0) return;
    if (stored !== null && BigInt(batch.messages[0].offset) !== stored && !this.sought.has(key)) {
      // kafkajs starts an assigned partition at Kafka's committed offset (or the beginning); ours is in the
      // database. Seeking makes this batch stale; the next one starts there. Once per assignment: should Kafka
      // no longer hold that offset, what it serves is handled (the inbox drops what was handled before).
      this.sought.add(key);
      consumer.seek({ topic: batch.topic, partition: batch.partition, offset: stored.toString() });
      return;
    }
    const chunkSize = this.options.chunkSize ?? 500;
    for (let start = 0; start < batch.messages.length; start += chunkSize) {
      if (!context.alive()) return;
      const chunk = batch.messages.slice(start, start + chunkSize);
      const started = process.hrtime.bigint();
      const work: Work[] = [];
      const letters: Letter[] = [];
      let stall: { at: number; reason: string } | null = null;
      for (let i = 0; i < chunk.length && !stall; i += 1) {
        const decision = this.decide(chunk[i]);
        if (decision.kind === 'work') work.push({ ...decision.work, topic: batch.topic });
        else if (decision.kind === 'dead') letters.push(decision.letter);
        else if (decision.kind === 'skip') this.skipped.set(decision.what, (this.skipped.get(decision.what) ?? 0) + 1);
        else stall = { at: i, reason: decision.reason };
      }
      const done = stall ? chunk.slice(0, stall.at) : chunk;
      const last = done.length > 0 ? done[done.length - 1].offset : null;
      const position: Position = { topic: batch.topic, partition: batch.partition, next: last === null ? '' : (BigInt(last) + 1n).toString() };
      if (!(await this.process(position, work, letters, context))) return; // stopped: nothing resolved, redelivered later
      if (last !== null) {
        // The chunk's transaction stored the position with its work; a chunk that ended in letters or skipped
        // messages (or was handled one at a time) stores it now.
        if (this.positions.get(key) !== BigInt(position.next) && !(await this.untilThrough(() => this.storePosition(this.dataSource, position), context))) return;
        resolveOffset(last);
        this.metrics.batchDone('consumer', this.options.name, done.length, Number(process.hrtime.bigint() - started) / 1e9);
      }
      if (stall) {
        this.logger.error(`${batch.topic}[${batch.partition}] stalled at offset ${chunk[stall.at].offset}: ${stall.reason}`);
        this.setState('stalled', `${batch.topic}[${batch.partition}] at offset ${chunk[stall.at].offset}: ${stall.reason}`);
        pause();
        return;
      }
      if (!(await context.heartbeat())) return;
    }
  }

  /** What to do with one message. Pure: reads only the message and the subscriptions. */
  private decide(message: KafkaMessage): Decision {
    const replayFor = message.headers?.[DLQ_HEADERS.replayFor]?.toString();
    if (replayFor !== undefined && replayFor !== this.options.name) return { kind: 'skip', what: `replay for ${replayFor}` };
    const replay = replayFor === this.options.name;
    const dead = (reason: string, eventId: string | null = null, type = ''): Decision =>
      ({ kind: 'dead', letter: { message, eventId, type, reason, attempts: 0, replay } });
    let raw: unknown;
    try {
      raw = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch {
      return dead('message value is not JSON');
    }
    const envelope = envelopeSchema.safeParse(raw);
    if (!envelope.success) {
      const id = (raw as { id?: unknown } | null)?.id;
      return dead(`schema: invalid envelope: ${describeIssues(envelope.error)}`, typeof id === 'string' && UUID.test(id) ? canonicalId(id) : null);
    }
    const { type, version } = envelope.data;
    const eventId = canonicalId(envelope.data.id);
    const subscription = this.byKey.get(`${type}.v${version}`);
    if (!subscription) {
      const ofType = this.subscribedTypes.get(type);
      if (!ofType) return { kind: 'skip', what: `${type}.v${version}` };
      const reason = `unsupported version ${version} of ${type}`;
      return ofType.some((s) => s.unsupportedVersions === 'stall') ? { kind: 'stall', reason } : dead(reason, eventId, type);
    }
    const parsed = parsePayload(envelope.data, subscription.definition); // the envelope is checked once, above
    if (!parsed.ok) return dead(`schema: ${parsed.reason}`, eventId, type);
    const event = {
      ...parsed.event,
      id: eventId,
      correlationId: canonicalId(parsed.event.correlationId),
      causationId: parsed.event.causationId === null ? null : canonicalId(parsed.event.causationId),
    } as GiftflowEvent;
    return { kind: 'work', work: { topic: '', message, event, subscription, replay } };
  }

  /** Records the chunk's letters, then handles its work; false when stopped before it was all done. */
  private async process(position: Position, work: Work[], letters: Letter[], context: BatchContext): Promise<boolean> {
    const { topic, partition } = position;
    if (letters.length > 0 && !(await this.untilThrough(() => this.deadLetter(topic, partition, letters), context))) return false;
    if (work.length === 0) return true;
    const committed: GiftflowEvent[][] = [];
    const done = await this.handleChunk(position, work, context, committed);
    // After the commits and outside the handlers' error handling: a hook that throws crashes the consumer
    // (which then restarts), it never dead-letters an event.
    for (const handled of committed) await this.announceHandled(handled);
    return done;
  }

  private async handleChunk(position: Position, work: Work[], context: BatchContext, committed: GiftflowEvent[][]): Promise<boolean> {
    const { topic, partition } = position;
    try {
      return await this.untilThrough(() => this.inTransaction(work, committed, position), context);
    } catch (error) {
      this.logger.warn(`chunk of ${work.length} failed (${describe(error)}); handling one at a time`);
    }
    for (const item of work) {
      if (!(await this.handleOneWithRetries(topic, partition, item, context, committed))) return false;
      if (!(await context.heartbeat())) return false;
    }
    return true;
  }

  private async handleOneWithRetries(topic: string, partition: number, item: Work, context: BatchContext, committed: GiftflowEvent[][]): Promise<boolean> {
    const maxAttempts = this.options.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt += 1) {
      if (!context.alive()) return false;
      try {
        // Everything before this message is done (handled, dead-lettered or skipped): its position can follow it.
        const position: Position = { topic, partition, next: (BigInt(item.message.offset) + 1n).toString() };
        return await this.untilThrough(() => this.inTransaction([item], committed, position), context);
      } catch (error) {
        if (attempt >= maxAttempts) {
          this.logger.error(`${item.event.type} ${item.event.id} failed ${attempt} times; dead-lettered: ${describe(error)}`);
          const letter: Letter = { message: item.message, eventId: item.event.id, type: item.event.type, reason: describe(error), attempts: attempt, replay: item.replay };
          return this.untilThrough(() => this.deadLetter(topic, partition, [letter]), context);
        }
        if (!(await this.pause((this.options.retryBackoffMs ?? 200) * attempt, context))) return false;
      }
    }
  }

  /**
   * Runs `work` until it goes through, retrying infrastructure errors with capped backoff (heartbeating while
   * it waits); any other error is thrown. False when the consumer stopped or lost the partition meanwhile.
   */
  private async untilThrough(work: () => Promise<void>, context: BatchContext): Promise<boolean> {
    const { initial, max } = this.options.infrastructureBackoffMs ?? { initial: 200, max: 5_000 };
    const pauseAfter = this.options.pauseAfterInfrastructureFailures ?? 3;
    for (let failures = 1; ; failures += 1) {
      try {
        await work();
        if (this.state === 'paused') {
          this.logger.log(`consumer ${this.options.name} resumed: the infrastructure answers again`);
          this.setState('running');
        }
        return true;
      } catch (error) {
        if (!isInfrastructureError(error)) throw error;
        this.logger.warn(`infrastructure error (${failures} in a row), retrying, nothing dead-lettered: ${describe(error)}`);
        if (failures >= pauseAfter && this.state !== 'paused') this.setState('paused', `${failures} infrastructure errors in a row: ${describe(error)}`);
        if (!(await this.pause(Math.min(max, initial * 2 ** (failures - 1)), context))) return false;
      }
    }
  }

  /** Waits `ms`, heartbeating every second; false as soon as the batch may not go on. */
  private async pause(ms: number, context: BatchContext): Promise<boolean> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (!context.alive()) return false;
      await this.sleep(Math.min(1_000, until - Date.now()));
      if (!context.alive() || !(await context.heartbeat())) return false;
    }
    return context.alive();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeSleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeSleepers.add(done);
    });
  }

  /** The partition's stored position (read once per assignment); undefined when the consumer stopped while waiting for the database. */
  private async storedPosition(topic: string, partition: number, context: BatchContext): Promise<bigint | null | undefined> {
    const key = `${topic}:${partition}`;
    if (this.positions.has(key)) return this.positions.get(key);
    let found: bigint | null = null;
    const read = async () => {
      const [row]: { next: string }[] = await this.dataSource.query(
        'SELECT next_offset::text AS next FROM consumer_offsets WHERE group_id = $1 AND topic = $2 AND partition = $3', [this.groupId, topic, partition]);
      found = row ? BigInt(row.next) : null;
    };
    if (!(await this.untilThrough(read, context))) return undefined;
    this.positions.set(key, found);
    return found;
  }

  /** Stores a position by itself (a chunk whose last transaction did not reach its end). */
  private async storePosition(db: Pick<DataSource, 'query'>, position: Position): Promise<void> {
    await db.query(`${STORE_POSITION} SELECT 1`, [this.groupId, position.topic, position.partition, position.next]);
    this.remember(position);
  }

  /** Notes a position stored by a committed transaction, unless a new assignment has come meanwhile. */
  private remember({ topic, partition, next }: Position): void {
    const key = `${topic}:${partition}`;
    if (this.positions.has(key)) this.positions.set(key, BigInt(next));
  }

  /** One transaction: record the event ids and the partition's position, run the handlers for the new ones, write their events. */
  private async inTransaction(work: Work[], committed: GiftflowEvent[][], position: Position): Promise<void> {
    let published = 0;
    const handled: GiftflowEvent[] = [];
    // Handlers' events are sent with the COMMIT, in one round trip (transactionWithOutbox).
    const queue = new OutboxQueue();
    const name = this.options.name;
    const replays = work.filter((w) => w.replay);
    // Without replays to revive first, the inbox statement (with the position) goes with the START TRANSACTION.
    const opening = replays.length === 0 && work.length <= LITERAL_ROWS_PER_ROUND_TRIP ? this.inboxStatement(work, position) : undefined;
    await transactionWithOutbox(this.dataSource, queue, async (manager, opened) => {
      const fresh = new Set<string>((opened as { event_id: string }[]).map((r) => r.event_id));
      const insert = async (items: Work[]) => {
        // The position rides on the inbox statement: one round trip for both.
        // The ids travel as one JSON parameter, as the outbox's rows do (OutboxQueue.flush).
        const rows: { event_id: string }[] = await manager.query(
          `${STORE_POSITION} INSERT INTO inbox (consumer, event_id, event_type) SELECT $5, r.id, r.type FROM json_to_recordset($6::json) AS r(id uuid, type text)
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [this.groupId, position.topic, position.partition, position.next, name, JSON.stringify(items.map((w) => ({ id: w.event.id, type: w.event.type })))],
        );
        for (const r of rows) fresh.add(r.event_id);
      };
      if (replays.length > 0) {
        // A replay revives the consumer's dead row; a row it handled meanwhile stays handled.
        // TypeORM answers an UPDATE … RETURNING with [rows, affected].
        const [revived]: [{ event_id: string }[], number] = await manager.query(
          `UPDATE inbox SET status = 'handled', error = NULL, handled_at = now()
            WHERE consumer = $1 AND event_id = ANY($2::uuid[]) AND status = 'dead' RETURNING event_id`,
          [name, replays.map((w) => w.event.id)],
        );
        for (const r of revived) fresh.add(r.event_id);
      }
      if (opening === undefined) await insert(work);
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
        }, queue);
        const run = todo.slice(i, end);
        const events = run.map((w) => w.event);
        await handleInTraceContext(this.options.name, todo[i].topic, run.map((w) => w.message), events, () =>
          subscription.handleMany ? subscription.handleMany(events, tx) : subscription.handle(event, tx));
        handled.push(...events);
        i = end;
      }
      published = queue.size;
    }, { opening, statements: this.statements });
    this.remember(position);
    if (published > 0) this.options.onPublished?.();
    committed.push(handled);
  }

  /** The inbox INSERT with the position, as inTransaction's bound statement does it, its values as literals. */
  private inboxStatement(work: Work[], { topic, partition, next }: Position): string {
    if (!/^[0-9]+$/.test(next) || !Number.isSafeInteger(partition)) throw new Error(`not a position: ${topic}[${partition}]@${next}`);
    const name = sqlLiteral(this.options.name);
    const rows = work.map((w) => `(${name}, ${sqlLiteral(w.event.id)}::uuid, ${sqlLiteral(w.event.type)})`);
    return `${storePosition(sqlLiteral(this.groupId), sqlLiteral(topic), String(partition), next)}
    INSERT INTO inbox (consumer, event_id, event_type) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING RETURNING event_id`;
  }

  /** The one place handled events are announced (progress, benchmarks, metrics), after their transaction committed. */
  private async announceHandled(events: GiftflowEvent[]): Promise<void> {
    this.metrics.eventsHandled(this.options.name, events);
    await this.options.onHandled?.(events);
  }

  /**
   * The one place letters are written: records each in the inbox as dead and sends those not recorded before to
   * `<topic>.dlq`, in one transaction (the send happens before it commits). A message with no readable id cannot
   * be recorded; it is sent each time it is read.
   */
  private async deadLetter(topic: string, partition: number, letters: Letter[]): Promise<void> {
    const producer = this.dlqProducer;
    if (!producer) throw Object.assign(new Error('dead-letter producer is not connected'), { code: '08003' });
    const name = this.options.name;
    await this.dataSource.transaction(async (manager) => {
      const fresh = new Set<string>();
      const withId = letters.filter((l) => l.eventId !== null);
      const again = withId.filter((l) => l.replay);
      if (again.length > 0) {
        // A replayed event that fails again gets a new letter.
        const [rows]: [{ event_id: string }[], number] = await manager.query(
          `UPDATE inbox SET error = u.error, replayed_at = NULL FROM unnest($2::uuid[], $3::text[]) AS u(event_id, error)
            WHERE inbox.consumer = $1 AND inbox.event_id = u.event_id AND inbox.status = 'dead' AND inbox.replayed_at IS NOT NULL
            RETURNING inbox.event_id`,
          [name, again.map((l) => l.eventId), again.map((l) => l.reason)],
        );
        for (const r of rows) fresh.add(r.event_id);
      }
      if (withId.length > 0) {
        const rows: { event_id: string }[] = await manager.query(
          `INSERT INTO inbox (consumer, event_id, event_type, status, error)
           SELECT $1, u.event_id, u.event_type, 'dead', u.error FROM unnest($2::uuid[], $3::text[], $4::text[]) AS u(event_id, event_type, error)
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [name, withId.map((l) => l.eventId), withId.map((l) => l.type), withId.map((l) => l.reason)],
        );
        for (const r of rows) fresh.add(r.event_id);
      }
      const toSend = letters.filter((l) => l.eventId === null || fresh.delete(l.eventId));
      await sendToDeadLetterTopic(producer, ...toSend.map((l) => ({
        topic, partition, message: l.message, consumer: name, attempts: l.attempts, error: l.reason, eventId: l.eventId,
      })));
      for (const l of toSend) {
        this.logger.warn(`dead-lettered ${l.type || 'a message'} ${l.eventId ?? `at ${topic}[${partition}]@${l.message.offset}`}: ${l.reason}`);
        this.options.onDeadLettered?.({ eventId: l.eventId, type: l.type, reason: l.reason });
        this.metrics.eventDeadLettered(name, topic, l.attempts === 0 ? 'schema' : 'handler');
      }
    });
  }

  private setState(state: State, detail = ''): void {
    this.state = state;
    this.detail = detail;
  }
}

/** Distinct statements a consumer's connections prepare unless PG_PREPARED_STATEMENTS or the options say otherwise. */
export const DEFAULT_PREPARED_STATEMENTS = 100;

/** Partitions handled at the same time unless a consumer says otherwise (KAFKA_PARTITIONS_CONCURRENTLY for the services). */
export const DEFAULT_PARTITIONS_CONCURRENTLY = 3;

/**
 * Upserts a partition's position as a CTE before the statement it rides on; the values are SQL expressions: parameters
 * (STORE_POSITION) or literals (the inbox statement sent with the START TRANSACTION).
 */
const storePosition = (group: string, topic: string, partition: string, next: string) => `WITH position AS (
  INSERT INTO consumer_offsets (group_id, topic, partition, next_offset) VALUES (${group}, ${topic}, ${partition}, ${next}::bigint)
  ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset, updated_at = now())`;

/** storePosition bound: $1 group, $2 topic, $3 partition, $4 next offset. */
const STORE_POSITION = storePosition('$1', '$2', '$3', '$4');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function within(promise: Promise<unknown>, deadline: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    promise.catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
      timer.unref();
    }),
  ]);
  clearTimeout(timer);
}
