import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { storedOffsetTotal } from '@giftflow/messaging';
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

  it.each([false, true])('opens each chunk with its inbox rows and position in one round trip (batch handler: %s)', async (batchHandler) => {
    const prefix = uniquePrefix('round-trips');
    await prepareTopics(kafka, prefix, 1);
    const ids = await writeDonorEvents(writer, prefix, 30, 10);
    const relay = newRelay(writer, kafka);
    while ((await relay.publishBatch()) > 0);
    await relay.stop();

    const sent: string[] = [];
    const original = Client.prototype.query;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const text = args[0];
      sent.push(typeof text === 'string' ? text : (text as { text?: string }).text ?? '');
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    const consumer = recordingConsumer(kafka, reader, prefix, { batchHandler, chunkSize: 7 });
    try {
      await consumer.start();
      await waitFor('all 30 handled', async () => (await storedOffsetTotal(reader, consumer.groupId, topicFor(prefix))) === 30);
    } finally {
      await consumer.stop();
      Client.prototype.query = original;
    }
    const [{ inbox }] = await reader.query(`SELECT count(*)::int AS inbox FROM inbox WHERE event_id = ANY($1::uuid[])`, [ids]);
    expect(inbox).toBe(30);
    const opened = sent.filter((q) => q.startsWith('START TRANSACTION; WITH position AS'));
    expect(opened.length).toBeGreaterThanOrEqual(5); // chunks of at most 7
    expect(opened.every((q) => /INSERT INTO inbox .* VALUES .* ON CONFLICT DO NOTHING RETURNING event_id$/s.test(q))).toBe(true);
    expect(sent.filter((q) => q === 'START TRANSACTION')).toHaveLength(0);
    expect(sent.filter((q) => q.includes('unnest($6::uuid[]'))).toHaveLength(0); // the bound inbox statement
    await reader.query('TRUNCATE received');
  });

  it('handles a chunk again after its transaction failed, from the same position, without doubles', async () => {
    const prefix = uniquePrefix('round-trips-retry');
    await prepareTopics(kafka, prefix, 1);
    await writeDonorEvents(writer, prefix, 12, 12);
    const relay = newRelay(writer, kafka);
    while ((await relay.publishBatch()) > 0);
    await relay.stop();
    let failures = 1;
    const consumer = recordingConsumer(kafka, reader, prefix, {
      chunkSize: 12,
      batchHandler: true,
      onBatch: () => {
        if (failures-- > 0) throw Object.assign(new Error('serialization failure'), { code: '40001' });
      },
    });
    try {
      await consumer.start();
      await waitFor('all 12 handled', async () => (await storedOffsetTotal(reader, consumer.groupId, topicFor(prefix))) === 12);
    } finally {
      await consumer.stop();
    }
    expect(await receivedCounts(reader)).toEqual({ rows: 12, distinct: 12 });
  });
});
