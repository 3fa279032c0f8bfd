import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DonorRegisteredV1 } from '@giftflow/contracts';
import { DEFAULT_PARTITIONS_CONCURRENTLY, EventConsumer, on, storedOffsetTotal } from '@giftflow/messaging';
import { testKafka, uniquePrefix, waitFor } from '@giftflow/testing';
import {
  newRelay, prepareTopics, readerDatabase, receivedCounts, recordingConsumer, topicFor, writeDonorEvents, writerDatabase,
} from '../../testing/src/fixtures/backbone-fixture';

/**
 * The consumer's chunk transaction sends its inbox statement (with the partition's position) with its START
 * TRANSACTION, values as literals, in one round trip (docs/backbone.md, "Offsets in the consumer's database").
 */
describe('EventConsumer round trips', () => {
  let kafka: Kafka;
  let writer: DataSource;
  let reader: DataSource;

  beforeAll(async () => {
    kafka = testKafka('giftflow-test-consumer-round-trips');
    writer = await writerDatabase(true, 'giftflow_test_consumer_round_trips_w');
    reader = await readerDatabase(true, 'giftflow_test_consumer_round_trips_r');
  });

  afterAll(async () => {
    await writer.destroy();
    await reader.destroy();
  });

  /** Commits `count` events on fresh topics of `partitions` and puts them all on Kafka; returns the prefix and ids. */
  async function onTheTopic(label: string, count: number, perTransaction: number, partitions = 1): Promise<{ prefix: string; ids: string[] }> {
    const prefix = uniquePrefix(label);
    await prepareTopics(kafka, prefix, partitions);
    const ids = await writeDonorEvents(writer, prefix, count, perTransaction);
    const relay = newRelay(writer, kafka);
    while ((await relay.publishBatch()) > 0);
    await relay.stop();
    return { prefix, ids };
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
});
