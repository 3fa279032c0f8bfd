import { DataSource } from 'typeorm';
import { OutboxRelay, storedOffsetTotal } from '@giftflow/messaging';
import { exited, spawnCompiled, testKafka, uniquePrefix, waitFor } from '@giftflow/testing';
import {
  newRelay, prepareTopics, readerDatabase, receivedCounts, topicFor, writeDonorEvents, writerDatabase,
} from '../../testing/src/fixtures/backbone-fixture';

/**
 * SIGTERM while a consumer is mid-batch (issue #2, "graceful shutdown that finishes in-flight work"): the chunk in
 * flight commits, its offsets are committed, and the process exits 0 — so what the group has committed is exactly
 * what was handled, and the next consumer neither repeats nor skips anything.
 */
describe('graceful shutdown of a consumer', () => {
  const kafka = testKafka('giftflow-test-shutdown');
  let writer: DataSource;
  let reader: DataSource;
  let relay: OutboxRelay;

  beforeAll(async () => {
    writer = await writerDatabase(true, 'giftflow_test_shutdown_writer');
    reader = await readerDatabase(true, 'giftflow_test_shutdown_reader');
  });

  afterAll(async () => {
    await relay?.stop();
    await writer?.destroy();
    await reader?.destroy();
  });

  it('finishes and commits the chunk in flight on SIGTERM, then exits 0', async () => {
    const prefix = uniquePrefix('shutdown');
    await prepareTopics(kafka, prefix);
    await writeDonorEvents(writer, prefix, 300, 100);
    relay = newRelay(writer, kafka);
    relay.start();
    const env = { READER_DB: 'giftflow_test_shutdown_reader', TOPIC_PREFIX: prefix, HANDLER_DELAY_MS: '20', CHUNK_SIZE: '20' };
    const consumer = spawnCompiled('libs/testing/src/fixtures/consumer.process', env);
    await waitFor('some handled', async () => (await receivedCounts(reader)).rows >= 40, 30_000, 20);
    const stopAsked = Date.now();
    consumer.kill('SIGTERM');
    expect(await exited(consumer)).toBe(0);
    expect(Date.now() - stopAsked).toBeLessThan(15_000);

    const handled = await receivedCounts(reader);
    expect(handled.rows).toBeLessThan(300); // it really was stopped mid-stream…
    expect(handled.rows).toBe(handled.distinct);
    // …and what the group committed is exactly what it handled: nothing in flight was dropped or left uncommitted.
    expect(await storedOffsetTotal(reader, `${prefix}giftflow.reader`, topicFor(prefix))).toBe(handled.rows);

    const successor = spawnCompiled('libs/testing/src/fixtures/consumer.process', { ...env, HANDLER_DELAY_MS: '0' });
    try {
      await waitFor('the rest handled', async () => (await receivedCounts(reader)).distinct === 300, 60_000);
      expect(await receivedCounts(reader)).toEqual({ rows: 300, distinct: 300 });
    } finally {
      successor.kill('SIGTERM');
      await exited(successor);
    }
  });
});
