import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { GiftflowEvent } from '@giftflow/contracts';
import { ConsumerGroupInfo, MessagingMetrics, OutboxRelay } from '@giftflow/messaging';
import { readTopic, testBrokers, testKafka, uniquePrefix, waitFor } from '@giftflow/testing';
import {
  prepareTopics, readerDatabase, recordingConsumer, topicFor, unsentCount, writeDonorEvents, writerDatabase,
} from '../../libs/testing/src/fixtures/backbone-fixture';

/** Every call the backbone makes to its metrics hooks, in order. */
class RecordingMetrics implements MessagingMetrics {
  readonly calls: { hook: keyof MessagingMetrics; args: unknown[] }[] = [];
  private record(hook: keyof MessagingMetrics, ...args: unknown[]) {
    this.calls.push({ hook, args });
  }
  eventsPublished(rows: { topic: string; type: string }[]) { this.record('eventsPublished', rows); }
  publishFailed(rows: { topic: string; type: string }[], error: unknown) { this.record('publishFailed', rows, error); }
  eventsHandled(consumer: string, events: GiftflowEvent[]) { this.record('eventsHandled', consumer, events.map((e) => e.id)); }
  eventDeadLettered(consumer: string, topic: string, reason: string) { this.record('eventDeadLettered', consumer, topic, reason); }
  batchDone(kind: string, name: string, size: number, seconds: number) { this.record('batchDone', kind, name, size, seconds); }
  consumerStarted(group: ConsumerGroupInfo) { this.record('consumerStarted', group); }
  consumerStopped(consumer: string) { this.record('consumerStopped', consumer); }
  of(hook: keyof MessagingMetrics) {
    return this.calls.filter((c) => c.hook === hook).map((c) => c.args);
  }
}

/** The relay and the consumer call the MessagingMetrics hooks at the points they name (real Kafka and PostgreSQL). */
describe('backbone metrics hooks and the traceparent header', () => {
  let kafka: Kafka;
  let writer: DataSource;
  let reader: DataSource;

  beforeAll(async () => {
    kafka = testKafka();
    writer = await writerDatabase(true, 'giftflow_test_obs_hooks_writer');
    reader = await readerDatabase(true, 'giftflow_test_obs_hooks_reader');
  });
  afterAll(async () => {
    await writer?.destroy();
    await reader?.destroy();
  });

  it('the relay reports what it published, with the stored trace context sent as the traceparent header', async () => {
    const prefix = uniquePrefix('obs-hooks-relay');
    await prepareTopics(kafka, prefix);
    const ids = await writeDonorEvents(writer, prefix, 3);
    const traceparent = `00-${randomUUID().replace(/-/g, '')}-${randomUUID().replace(/-/g, '').slice(0, 16)}-01`;
    await writer.query(`UPDATE outbox SET headers = $1::jsonb WHERE event_id = $2`, [JSON.stringify({ traceparent }), ids[0]]);

    const metrics = new RecordingMetrics();
    const relay = new OutboxRelay(writer, kafka, { metrics });
    try {
      expect(await relay.publishBatch()).toBe(3);
    } finally {
      await relay.stop();
    }
    expect(metrics.of('eventsPublished')).toEqual([[ids.map(() => ({ topic: topicFor(prefix), type: 'DonorRegistered' }))]]);
    expect(metrics.of('batchDone')).toEqual([['relay', 'outbox', 3, expect.any(Number)]]);
    expect(metrics.of('publishFailed')).toEqual([]);

    const messages = await readTopic(kafka, topicFor(prefix), 3);
    const byId = new Map(messages.map((m) => [String(m.headers?.['event-id']), m]));
    expect(String(byId.get(ids[0])?.headers?.traceparent)).toBe(traceparent);
    expect(byId.get(ids[1])?.headers?.traceparent).toBeUndefined();
  });

  it('the relay reports a failed send with its rows, which stay unsent', async () => {
    const prefix = uniquePrefix('obs-hooks-fail');
    const impatient = new Kafka({ clientId: 'obs-hooks', brokers: testBrokers(), logLevel: logLevel.NOTHING, retry: { retries: 1, initialRetryTime: 50, maxRetryTime: 200 } });
    await writer.query(`DELETE FROM outbox WHERE published_at IS NULL`);
    await writer.query(
      `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope) VALUES ($1, $2, 'k', 'DonorRegistered', '{"version":1,"correlationId":"x"}')`,
      [randomUUID(), `${prefix}no-such-topic`],
    );
    const metrics = new RecordingMetrics();
    const relay = new OutboxRelay(writer, impatient, { metrics });
    try {
      const failure = await relay.publishBatch().then(() => null, (error: Error) => error);
      expect(failure?.message).toMatch(/topic/i);
      expect(metrics.of('publishFailed').map(([rows]) => rows)).toEqual([[{ topic: `${prefix}no-such-topic`, type: 'DonorRegistered' }]]);
      expect(metrics.of('eventsPublished')).toEqual([]);
      expect(await unsentCount(writer)).toBe(1);
    } finally {
      await relay.stop();
      await writer.query(`DELETE FROM outbox WHERE published_at IS NULL`);
    }
  });

  it('the consumer reports joining, each committed chunk, the events it handled, dead letters, and leaving', async () => {
    const prefix = uniquePrefix('obs-hooks-consumer');
    await prepareTopics(kafka, prefix);
    const ids = await writeDonorEvents(writer, prefix, 4);
    const relay = new OutboxRelay(writer, kafka);
    await relay.publishBatch();
    await relay.stop();
    const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: topicFor(prefix), acks: -1, messages: [{ key: 'junk', value: 'not json' }] });
    await producer.disconnect();

    const metrics = new RecordingMetrics();
    const consumer = recordingConsumer(kafka, reader, prefix, { metrics });
    await consumer.start();
    try {
      expect(metrics.of('consumerStarted')).toEqual([[{ consumer: 'reader', groupId: consumer.groupId, topics: [topicFor(prefix)] }]]);
      await waitFor('every event handled and the junk dead-lettered', async () =>
        metrics.of('eventsHandled').flatMap(([, handled]) => handled as string[]).length === 4 && metrics.of('eventDeadLettered').length === 1);
      expect(metrics.of('eventsHandled').flatMap(([, handled]) => handled as string[]).sort()).toEqual([...ids].sort());
      expect(metrics.of('eventsHandled').every(([name]) => name === 'reader')).toBe(true);
      expect(metrics.of('eventDeadLettered')).toEqual([['reader', topicFor(prefix), 'schema']]);
      const chunks = metrics.of('batchDone');
      expect(chunks.every(([kind, name]) => kind === 'consumer' && name === 'reader')).toBe(true);
      await waitFor('the chunks to commit', async () => metrics.of('batchDone').reduce((sum, [, , size]) => sum + (size as number), 0) === 5);
    } finally {
      await consumer.stop();
    }
    expect(metrics.of('consumerStopped')).toEqual([['reader']]);
  });
});
