import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '@giftflow/messaging';
import { readWholeTopic, testKafka, uniquePrefix } from '@giftflow/testing';
import { prepareTopics, topicFor, writeDonorEvents, writerDatabase } from '../../testing/src/fixtures/backbone-fixture';

const WRITER = 'giftflow_test_relay_rounds_writer';

/**
 * A backlog goes out in rounds whose database work hides behind the send: several rounds to a transaction, the next
 * batch claimed while the current one is on its way (docs/backbone.md, "The outbox relay").
 */
describe('relay rounds over a backlog', () => {
  let kafka: Kafka;
  let writer: DataSource;
  const stops: (() => Promise<void>)[] = [];

  beforeAll(() => {
    kafka = testKafka('giftflow-test-relay-rounds');
  });

  beforeEach(async () => {
    writer = await writerDatabase(true, WRITER);
  });

  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await writer.destroy();
  });

  const statusOf = async () => (await writer.query(
    'SELECT count(*) FILTER (WHERE published_at IS NULL)::int AS unsent, count(DISTINCT published_at)::int AS marks FROM outbox'))[0] as { unsent: number; marks: number };

  it('sends each row of a backlog once, in id order per partition, several rounds to a transaction', async () => {
    const prefix = uniquePrefix('relay-rounds');
    await prepareTopics(kafka, prefix, 3);
    const ids = await writeDonorEvents(writer, prefix, 1_000, 100);
    const transactions: string[][] = [];
    const batches: string[][] = [];
    const relay = new OutboxRelay(writer, kafka, { batchSize: 50, afterSend: (sent) => void batches.push(sent), onPublished: (sent) => void transactions.push(sent) });
    stops.push(() => relay.stop());
    let published = 0;
    for (let round = 0; round < 100 && published < ids.length; round += 1) published += await relay.publishBatch();

    expect(published).toBe(1_000);
    expect(batches).toHaveLength(20);
    // Eight rounds to a transaction at most (roundsPerTransaction' default): 20 batches in 3, each marked at its commit.
    expect(transactions.map((t) => t.length)).toEqual([400, 400, 200]);
    expect(await statusOf()).toEqual({ unsent: 0, marks: 3 });
    // No batch claimed twice (the one in flight is left out of the next claim), none skipped, in id order per partition.
    const messages = await readWholeTopic(kafka, topicFor(prefix));
    expect(messages.map((m) => m.headers['event-id']).sort()).toEqual([...ids].sort());
    const order = new Map(ids.map((id, i) => [id, i]));
    for (const partition of [0, 1, 2]) {
      const seen = messages.filter((m) => m.partition === partition).map((m) => order.get(m.headers['event-id'])!);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    }
  });

  it('a round that fails mid-transaction sends that transaction again: nothing is lost or left unmarked', async () => {
    const prefix = uniquePrefix('relay-rounds-fail');
    await prepareTopics(kafka, prefix, 3);
    const ids = await writeDonorEvents(writer, prefix, 500, 100);
    let acknowledged = 0;
    const relay = new OutboxRelay(writer, kafka, {
      batchSize: 50,
      afterSend: () => {
        acknowledged += 1;
        if (acknowledged === 3) throw new Error('the relay dies after its third batch');
      },
    });
    stops.push(() => relay.stop());
    await expect(relay.publishBatch()).rejects.toThrow('the relay dies after its third batch');
    // Three batches reached Kafka, none was marked: the transaction rolled back with its connection.
    expect(await statusOf()).toEqual({ unsent: 500, marks: 0 });
    let published = 0;
    for (let round = 0; round < 100 && published < ids.length; round += 1) published += await relay.publishBatch();
    expect(await statusOf()).toMatchObject({ unsent: 0 });
    const messages = await readWholeTopic(kafka, topicFor(prefix));
    expect(new Set(messages.map((m) => m.headers['event-id']))).toEqual(new Set(ids));
    // The three batches acknowledged before the failure, and the fourth, queued behind the third, sent twice (consumers
    // drop them).
    expect(messages).toHaveLength(500 + 200);
  });

  it.each([
    ['on its thread', true],
    ['on this thread', false],
  ])('a batch Kafka refuses goes row by row before the batch queued behind it, which goes once, after it (producer %s)', async (_, producerThread) => {
    const prefix = uniquePrefix('relay-rounds-refused');
    const admin = kafka.admin();
    await admin.connect();
    // One partition that refuses record batches over 16 KiB: order and duplicates are plain to see.
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: topicFor(prefix), numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: '16384' }] }] });
    await admin.disconnect();
    const before = await writeDonorEvents(writer, prefix, 15, 15);
    // A row this topic will not take, in the middle of the second batch (an older build wrote it).
    const hugeId = randomUUID();
    const huge = JSON.stringify({ id: hugeId, type: 'DonorRegistered', version: 1, note: 'x'.repeat(40_000) });
    await writer.query('INSERT INTO outbox (event_id, topic, message_key, event_type, envelope) VALUES ($1, $2, $3, $4, $5)', [hugeId, topicFor(prefix), hugeId, 'DonorRegistered', huge]);
    const after = await writeDonorEvents(writer, prefix, 24, 24);
    const batches: string[][] = [];
    const relay = new OutboxRelay(writer, kafka, { batchSize: 10, producerThread, afterSend: (sent) => void batches.push(sent) });
    stops.push(() => relay.stop());
    let done = 0;
    for (let round = 0; round < 20 && done < 40; round += 1) done += await relay.publishBatch();

    const [parked] = await writer.query('SELECT event_id, last_error FROM outbox WHERE failed_at IS NOT NULL');
    expect(parked).toMatchObject({ event_id: hugeId, last_error: expect.stringMatching(/larger than the max message size/) });
    expect(batches.map((b) => b.length)).toEqual([10, 9, 10, 10]);
    expect(await statusOf()).toMatchObject({ unsent: 1 }); // the parked row
    // Every good row once, in id order: the third batch (queued behind the refused second) was refused unsent, and sent
    // after the second's rows went one by one.
    const messages = await readWholeTopic(kafka, topicFor(prefix));
    expect(messages.map((m) => m.headers['event-id'])).toEqual([...before, ...after]);
  });
});
