import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DonorRegisteredV1, dlqTopicOf } from '@giftflow/contracts';
import { DEFAULT_PARTITIONS_CONCURRENTLY, EventConsumer, on, storedOffsetTotal } from '@giftflow/messaging';
import { readWholeTopic, testDatabaseUrl, testKafka, uniquePrefix, waitFor } from '@giftflow/testing';
import {
  newRelay, prepareTopics, readerDatabase, receivedCounts, recordingConsumer, topicFor, writeDonorEvents, writerDatabase,
} from '../../testing/src/fixtures/backbone-fixture';

/**
 * The consumer's chunk transaction sends its inbox statement (with the partition's position) with its START
 * TRANSACTION, values as literals, in one round trip (docs/backbone.md, "Offsets in the consumer's database").
 */
describe('EventConsumer round trips', () => {
  const READER = 'giftflow_test_consumer_round_trips_r';
  let kafka: Kafka;
  let writer: DataSource;
  let reader: DataSource;

  beforeAll(async () => {
    kafka = testKafka('giftflow-test-consumer-round-trips');
    writer = await writerDatabase(true, 'giftflow_test_consumer_round_trips_w');
    reader = await readerDatabase(true, READER);
  });

  afterAll(async () => {
    await writer.destroy();
    await reader.destroy();
  });

  /** Commits `count` events on fresh topics of `partitions` and puts them all on Kafka; returns the prefix and ids. */
  async function onTheTopic(label: string, count: number, perTransaction: number, partitions = 1): Promise<{ prefix: string; ids: string[] }> {
    const prefix = uniquePrefix(label);
    await prepareTopics(kafka, prefix, partitions);
    return { prefix, ids: await moreOnTheTopic(prefix, count, perTransaction) };
  }

  async function moreOnTheTopic(prefix: string, count: number, perTransaction: number): Promise<string[]> {
    const ids = await writeDonorEvents(writer, prefix, count, perTransaction);
    const relay = newRelay(writer, kafka);
    while ((await relay.publishBatch()) > 0);
    await relay.stop();
    return ids;
  }

  /** The text of every statement any pg client sends while `work` runs. */
  async function statementsSentDuring(work: () => Promise<void>): Promise<string[]> {
    const sent: string[] = [];
    const original = Client.prototype.query;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const text = args[0];
      sent.push(typeof text === 'string' ? text : (text as { text?: string }).text ?? '');
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      await work();
    } finally {
      Client.prototype.query = original;
    }
    return sent;
  }

  /** Starts `consumer`, waits until its stored positions cover `count` events, stops it. */
  async function consumeAll(consumer: EventConsumer, prefix: string, count: number, timeoutMs?: number): Promise<void> {
    try {
      await consumer.start();
      await waitFor(`all ${count} handled`, async () => (await storedOffsetTotal(reader, consumer.groupId, topicFor(prefix))) === count, timeoutMs);
    } finally {
      await consumer.stop();
    }
  }

  it.each([false, true])('opens each chunk with its inbox rows and position in one round trip (batch handler: %s)', async (batchHandler) => {
    const { prefix, ids } = await onTheTopic('round-trips', 30, 10);
    const sent = await statementsSentDuring(() => consumeAll(recordingConsumer(kafka, reader, prefix, { batchHandler, chunkSize: 7 }), prefix, 30));
    const [{ inbox }] = await reader.query(`SELECT count(*)::int AS inbox FROM inbox WHERE event_id = ANY($1::uuid[])`, [ids]);
    expect(inbox).toBe(30);
    const opened = sent.filter((q) => q.startsWith('START TRANSACTION; WITH position AS'));
    expect(opened.length).toBeGreaterThanOrEqual(5); // chunks of at most 7
    expect(opened.every((q) => /INSERT INTO inbox .* VALUES .* ON CONFLICT DO NOTHING RETURNING event_id$/s.test(q))).toBe(true);
    expect(sent.filter((q) => q === 'START TRANSACTION')).toHaveLength(0);
    expect(sent.filter((q) => q.includes('json_to_recordset($6::json)'))).toHaveLength(0); // the bound inbox statement
    await reader.query('TRUNCATE received');
  });

  it('binds the inbox rows of a chunk of more than 100 events as one JSON parameter, each event once', async () => {
    const { prefix, ids } = await onTheTopic('round-trips-long', 250, 250);
    const sent = await statementsSentDuring(() => consumeAll(recordingConsumer(kafka, reader, prefix, { chunkSize: 250 }), prefix, 250));
    expect(sent.some((q) => q.includes('json_to_recordset($6::json)'))).toBe(true);
    const [{ inbox }] = await reader.query(`SELECT count(*)::int AS inbox FROM inbox WHERE event_id = ANY($1::uuid[])`, [ids]);
    expect(inbox).toBe(250);
    const rows: { event_id: string; n: number }[] = await reader.query('SELECT event_id, count(*)::int AS n FROM received GROUP BY event_id');
    expect(rows.filter((r) => ids.includes(r.event_id)).length).toBe(250);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    await reader.query('TRUNCATE received');
  });

  it(`handles ${DEFAULT_PARTITIONS_CONCURRENTLY} partitions side by side by default: a handler waiting on one partition does not hold up the others`, async () => {
    const { prefix, ids } = await onTheTopic('round-trips-side-by-side', 60, 60, DEFAULT_PARTITIONS_CONCURRENTLY); // random keys: every partition gets some
    // The first handler waits until another handler starts. Handlers of one chunk run one after another, so only a
    // chunk of another partition, in its own transaction, can start one meanwhile (one partition at a time, it would
    // wait out its 15 s and the test fail).
    let started = 0;
    let released: () => void = () => undefined;
    const anotherStarted = new Promise<void>((resolve) => (released = resolve));
    let waitedOut = false;
    const handled: string[] = [];
    const consumer = new EventConsumer(kafka, reader, {
      name: 'side-by-side',
      source: null,
      topics: [topicFor(prefix)],
      topicPrefix: prefix,
      subscriptions: [on(DonorRegisteredV1, async (event, tx) => {
        started += 1;
        if (started === 1) {
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([anotherStarted, new Promise<void>((resolve) => (timer = setTimeout(() => ((waitedOut = true), resolve()), 15_000)))]);
          clearTimeout(timer);
        } else released();
        await tx.manager.query('INSERT INTO received (event_id, donor_id) VALUES ($1, $2)', [event.id, event.payload.donorId]);
        handled.push(event.id);
      })],
    });
    await consumeAll(consumer, prefix, 60, 40_000);
    expect(waitedOut).toBe(false);
    expect(await receivedCounts(reader)).toEqual({ rows: 60, distinct: 60 });
    expect(new Set(handled)).toEqual(new Set(ids));
    await reader.query('TRUNCATE received');
  });

  it('handles a chunk again after its transaction failed, from the same position, without doubles', async () => {
    const { prefix } = await onTheTopic('round-trips-retry', 12, 12);
    let failures = 1;
    const consumer = recordingConsumer(kafka, reader, prefix, {
      chunkSize: 12,
      batchHandler: true,
      onBatch: () => {
        if (failures-- > 0) throw Object.assign(new Error('serialization failure'), { code: '40001' });
      },
    });
    await consumeAll(consumer, prefix, 12);
    expect(await receivedCounts(reader)).toEqual({ rows: 12, distinct: 12 });
  });

  /** A pool of its own on the reader database (and so a registry of prepared statements of its own). */
  const ownPool = (max: number) => new DataSource({ type: 'postgres', url: testDatabaseUrl(READER), extra: { max } }).initialize();

  /** A consumer whose handler records the event and, after it, what its connection has prepared (pg_prepared_statements is per session). */
  function preparingConsumer(db: DataSource, prefix: string, extra: Partial<ConstructorParameters<typeof EventConsumer>[2]> = {}) {
    const prepared: { statement: string; runs: number }[][] = [];
    const consumer = new EventConsumer(kafka, db, {
      name: 'preparing', source: null, topics: [topicFor(prefix)], topicPrefix: prefix, chunkSize: 1, retryBackoffMs: 20,
      infrastructureBackoffMs: { initial: 20, max: 100 },
      subscriptions: [on(DonorRegisteredV1, async (event, tx) => {
        await tx.manager.query('SELECT * FROM probe WHERE id = $1', [event.id]);
        await tx.manager.query('INSERT INTO received (event_id, donor_id) VALUES ($1, $2)', [event.id, event.payload.donorId]);
        prepared.push(await tx.manager.query(
          "SELECT statement, (generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements WHERE name LIKE 'giftflow\\_%'"));
      })],
      ...extra,
    });
    return { consumer, prepared };
  }

  it.each([100, 0])('sends the handlers\' parameterized statements named, parsed and planned once per connection (preparedStatements: %i)', async (preparedStatements) => {
    await reader.query('CREATE TABLE IF NOT EXISTS probe (id uuid PRIMARY KEY); TRUNCATE received');
    const { prefix } = await onTheTopic(`round-trips-prepared-${preparedStatements}`, 20, 20);
    const pool = await ownPool(2); // connections that prepared nothing before
    const { consumer, prepared } = preparingConsumer(pool, prefix, { preparedStatements });
    try {
      await consumeAll(consumer, prefix, 20);
    } finally {
      await pool.destroy();
    }
    expect(await receivedCounts(reader)).toEqual({ rows: 20, distinct: 20 });
    const insert = prepared.flat().filter((p) => p.statement === 'INSERT INTO received (event_id, donor_id) VALUES ($1, $2)');
    if (preparedStatements === 0) expect(prepared.flat()).toEqual([]);
    // Two pooled connections take turns, so not every execution is on one; most are (pg-pool reuses the last released).
    else expect(Math.max(0, ...insert.map((p) => p.runs))).toBeGreaterThanOrEqual(10);
    await reader.query('TRUNCATE received');
  });

  it('retries a statement whose table a deploy changed under it ("cached plan must not change result type"), never dead-lettering', async () => {
    await reader.query('DROP TABLE IF EXISTS probe; CREATE TABLE probe (id uuid PRIMARY KEY); TRUNCATE received');
    // One connection: the one that prepared the SELECT * is the one that meets the changed table.
    const single = await ownPool(1);
    const warnings: string[] = [];
    const { prefix } = await onTheTopic('round-trips-prepared-ddl', 3, 3);
    const { consumer, prepared } = preparingConsumer(single, prefix, { logger: { log: () => undefined, warn: (m: string) => warnings.push(m), error: () => undefined } });
    try {
      await consumer.start();
      await waitFor('the first three handled', async () => (await receivedCounts(reader)).distinct === 3);
      expect(prepared.flat().some((p) => p.statement.startsWith('SELECT * FROM probe'))).toBe(true);
      await reader.query('ALTER TABLE probe ADD COLUMN note text'); // SELECT * now answers another row type
      await moreOnTheTopic(prefix, 3, 3);
      await waitFor('all six handled', async () => (await receivedCounts(reader)).distinct === 6, 30_000);
    } finally {
      await consumer.stop();
      await single.destroy();
    }
    expect(warnings.some((w) => /infrastructure error .*cached plan must not change result type/.test(w))).toBe(true);
    expect(await readWholeTopic(kafka, dlqTopicOf(topicFor(prefix)))).toEqual([]);
    expect(await receivedCounts(reader)).toEqual({ rows: 6, distinct: 6 });
    await reader.query('TRUNCATE received');
  });
});
