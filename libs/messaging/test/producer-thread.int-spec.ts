import { threadId } from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';
import { Kafka, PartitionerArgs, Partitioners } from 'kafkajs';
import { DataSource } from 'typeorm';
import { OutboxRelay, kafkaConfigOf } from '@giftflow/messaging';
import { exited, readWholeTopic, spawnCompiled, testBrokers, testKafka, uniquePrefix, waitFor } from '@giftflow/testing';
import { ThreadedProducer } from '../src/kafka/producer-thread/threaded-producer';
import { PRECEDING_SEND_FAILED } from '../src/kafka/producer-thread/producer.worker';
import { prepareTopics, topicFor, unsentCount, writeDonorEvents, writerDatabase } from '../../testing/src/fixtures/backbone-fixture';

const WRITER = 'giftflow_test_producer_thread_writer';
const PARTITIONS = 6;

/** The relay's producer on a worker thread of its own (docs/backbone.md, "The relay's producer thread"). */
describe('the relay producer thread', () => {
  let kafka: Kafka;
  let writer: DataSource;
  const stops: (() => Promise<void>)[] = [];

  beforeAll(() => {
    kafka = testKafka('giftflow-test-producer-thread');
  });

  beforeEach(async () => {
    writer = await writerDatabase(true, WRITER);
  });

  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await writer.destroy();
  });

  const unsent = () => unsentCount(writer);
  const startedRelay = (options = {}) => {
    const relay = new OutboxRelay(writer, kafka, { pollIntervalMs: 50, ...options });
    stops.push(() => relay.stop());
    relay.start();
    return relay;
  };

  it('sends from a thread of its own what a producer on this thread would: keys, values, headers, partitions', async () => {
    const prefix = uniquePrefix('producer-thread');
    await prepareTopics(kafka, prefix, PARTITIONS);
    const relay = startedRelay();
    const ids = await writeDonorEvents(writer, prefix, 120, 40, () => relay.wake());
    await waitFor('all sent', async () => (await unsent()) === 0);
    expect(relay.producerThreadId).toEqual(expect.any(Number));
    expect(relay.producerThreadId).not.toBe(threadId);

    const messages = await readWholeTopic(kafka, topicFor(prefix));
    expect(messages.map((m) => m.headers['event-id']).sort()).toEqual([...ids].sort());
    const rows: { event_id: string; message_key: string; envelope: string }[] = await writer.query('SELECT event_id, message_key, envelope FROM outbox');
    const byId = new Map(rows.map((r) => [r.event_id, r]));
    // The partition a kafkajs producer on this thread picks for the key, with the relay's (Java-compatible) partitioner.
    const partitionOf = Partitioners.DefaultPartitioner();
    const partitionMetadata = Array.from({ length: PARTITIONS }, (_, partitionId) => ({ partitionId, leader: 0, replicas: [0], isr: [0] })) as PartitionerArgs['partitionMetadata'];
    for (const message of messages) {
      const row = byId.get(message.headers['event-id'])!;
      expect(message.key).toBe(row.message_key);
      expect(message.value).toBe(row.envelope);
      expect(message.headers).toMatchObject({ 'event-type': 'DonorRegistered', 'event-version': '1', 'correlation-id': JSON.parse(row.envelope).correlationId });
      expect(message.partition).toBe(partitionOf({ topic: topicFor(prefix), partitionMetadata, message: { key: row.message_key, value: row.envelope } }));
    }
  });

  it('runs on this thread when asked to, or when its Kafka was not made by createKafka', async () => {
    const prefix = uniquePrefix('producer-here');
    await prepareTopics(kafka, prefix, PARTITIONS);
    const asked = startedRelay({ producerThread: false });
    await writeDonorEvents(writer, prefix, 10, 10, () => asked.wake());
    await waitFor('sent from this thread', async () => (await unsent()) === 0);
    expect(asked.producerThreadId).toBeNull();
    await asked.stop();
    const foreign = new OutboxRelay(writer, new Kafka({ clientId: 'not-made-by-createKafka', brokers: testBrokers() }), { pollIntervalMs: 50 });
    stops.push(() => foreign.stop());
    foreign.start();
    await writeDonorEvents(writer, prefix, 10, 10, () => foreign.wake());
    await waitFor('sent by the foreign Kafka', async () => (await unsent()) === 0);
    expect(foreign.producerThreadId).toBeNull();
    expect(await readWholeTopic(kafka, topicFor(prefix))).toHaveLength(20);
  });

  it('brings back a refusal with its type, so the row is parked (not retried forever), and refuses the sends of its chain behind it', async () => {
    const prefix = uniquePrefix('producer-refusal');
    await prepareTopics(kafka, prefix, 1);
    const producer = new ThreadedProducer(kafkaConfigOf({ clientId: 'giftflow-test-refusal', brokers: testBrokers() }));
    stops.push(() => producer.disconnect());
    await producer.connect();
    const batchOf = (value: string) => ({ acks: -1, topicMessages: [{ topic: topicFor(prefix), messages: [{ key: 'k', value }] }] });
    // Asked for together, as the relay queues its next batch behind the one on its way: one chain.
    const refused = producer.sendBatch(batchOf('x'.repeat(2_000_000)), 1);
    const queuedBehind = producer.sendBatch(batchOf('behind the refused one'), 1);
    await expect(refused).rejects.toMatchObject({ type: 'MESSAGE_TOO_LARGE' });
    // Refused unsent: it would otherwise land before the rows of the refused batch, which the relay sends one by one.
    await expect(queuedBehind).rejects.toMatchObject({ name: PRECEDING_SEND_FAILED });
    // The thread is still there for the rows behind it.
    await producer.sendBatch(batchOf('small'));
    await producer.sendBatch(batchOf('a new chain'), 2);
    expect((await readWholeTopic(kafka, topicFor(prefix))).map((m) => m.value)).toEqual(['small', 'a new chain']);
  });

  it('fails the round when its thread dies; the next round starts another thread and nothing is lost', async () => {
    const prefix = uniquePrefix('producer-dies');
    await prepareTopics(kafka, prefix, PARTITIONS);
    const relay = startedRelay();
    const first = await writeDonorEvents(writer, prefix, 50, 25, () => relay.wake());
    await waitFor('the first events sent', async () => (await unsent()) === 0);
    const dead = relay.producerThreadId;
    // A thread that ends under the relay (as one killed by an out-of-memory error would).
    await (relay as unknown as { producer: { worker: Worker } }).producer.worker.terminate();
    const second = await writeDonorEvents(writer, prefix, 50, 25, () => relay.wake());
    await waitFor('the second events sent', async () => (await unsent()) === 0);
    expect(relay.producerThreadId).toEqual(expect.any(Number));
    expect(relay.producerThreadId).not.toBe(dead);
    const sent = new Set((await readWholeTopic(kafka, topicFor(prefix))).map((m) => m.headers['event-id']));
    expect([...first, ...second].filter((id) => !sent.has(id))).toEqual([]);
  });

  it('does not keep a process alive once its relay has stopped', async () => {
    const prefix = uniquePrefix('producer-exits');
    await prepareTopics(kafka, prefix, PARTITIONS);
    const child = spawnCompiled('libs/testing/src/fixtures/relay-exits.process', { WRITER_DB: WRITER, TOPIC_PREFIX: prefix });
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited(child), new Promise((resolve) => (timer = setTimeout(() => resolve('still running after 30 s'), 30_000)))]);
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGKILL');
    expect(code).toBe(0);
    expect(await readWholeTopic(kafka, topicFor(prefix))).toHaveLength(20);
  });
});
