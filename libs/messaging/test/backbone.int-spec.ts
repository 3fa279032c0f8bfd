import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DonorRegisteredV1, dlqTopicOf } from '@giftflow/contracts';
import { DLQ_HEADERS, EventConsumer, EventSchemaError, OutboxRelay, UnitOfWork, on, storedOffsetTotal } from '@giftflow/messaging';
import { committedOffsets, exited, readTopic, readWholeTopic, spawnCompiled, testKafka, uniquePrefix, waitFor } from '@giftflow/testing';
import {
  newRelay, prepareTopics, readerDatabase, receivedCounts, recordingConsumer, topicFor, unsentCount, writeDonorEvents, writerDatabase,
} from '../../testing/src/fixtures/backbone-fixture';

/** The backbone's guarantees, against the real broker and the real PostgreSQL (issue #2). */
describe('messaging backbone', () => {
  let kafka: Kafka;
  let writer: DataSource;
  let reader: DataSource;
  let producer: Producer;
  const running: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    kafka = testKafka();
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  beforeEach(async () => {
    writer = await writerDatabase();
    reader = await readerDatabase();
  });

  afterEach(async () => {
    for (const r of running.splice(0)) await r.stop();
    await writer.destroy();
    await reader.destroy();
  });

  afterAll(async () => {
    await producer.disconnect();
  });

  const start = async <T extends OutboxRelay | EventConsumer>(thing: T): Promise<T> => {
    running.push(thing);
    if (thing instanceof OutboxRelay) thing.start();
    else await thing.start();
    return thing;
  };

  const rawEvent = (overrides: Record<string, unknown> = {}) => {
    const donorId = randomUUID();
    return {
      id: randomUUID(), type: 'DonorRegistered', version: 1, source: 'donors', aggregateId: donorId,
      occurredAt: new Date().toISOString(), correlationId: randomUUID(), causationId: null, actor: 'test',
      payload: { donorId, kind: 'business' }, ...overrides,
    };
  };

  it('publishes an event committed while the relay was dead, and one whose relay died after sending, exactly once downstream', async () => {
    const prefix = uniquePrefix('relay-kill');
    await prepareTopics(kafka, prefix);
    // 1. Events commit with no relay running at all.
    const first = await writeDonorEvents(writer, prefix, 50, 25);
    // 2. A relay process starts, sends them to Kafka, and is SIGKILLed before it can mark them sent.
    const doomed = spawnCompiled('libs/testing/src/fixtures/relay.process', { WRITER_DB: 'giftflow_test_backbone_writer', CRASH_AFTER_SEND: '1' });
    await exited(doomed);
    expect(doomed.signalCode).toBe('SIGKILL');
    const unsent = await unsentCount(writer);
    expect(unsent).toBe(50);
    // 3. A new relay sends them again; the consumer sees duplicates on the topic but handles each once.
    await start(newRelay(writer, kafka));
    await start(recordingConsumer(kafka, reader, prefix));
    await waitFor('all 50 handled', async () => (await receivedCounts(reader)).distinct === 50);
    await waitFor('outbox drained', async () => (await unsentCount(writer)) === 0);
    const onTopic = await readTopic(kafka, topicFor(prefix), 100);
    expect(onTopic.length).toBeGreaterThanOrEqual(100); // sent twice
    expect(await receivedCounts(reader)).toEqual({ rows: 50, distinct: 50 });
    const ids = (await reader.query('SELECT event_id FROM received')).map((r: { event_id: string }) => r.event_id);
    expect(new Set(ids)).toEqual(new Set(first));
  });

  it('changes state once when the same event is delivered three times, in one chunk and across chunks', async () => {
    const prefix = uniquePrefix('dedupe');
    await prepareTopics(kafka, prefix);
    const event = rawEvent();
    const message = { key: event.aggregateId, value: JSON.stringify(event) };
    await producer.send({ topic: topicFor(prefix), messages: [message, message] });
    await producer.send({ topic: topicFor(prefix), messages: [message] });
    const marker = rawEvent();
    await producer.send({ topic: topicFor(prefix), messages: [{ key: event.aggregateId, value: JSON.stringify(marker) }] });
    // Chunks of two: the first two copies share a chunk (one transaction), the third comes in the next one.
    const consumer = await start(recordingConsumer(kafka, reader, prefix, { chunkSize: 2 }));
    await waitFor('the marker after the duplicates', async () => (await receivedCounts(reader)).distinct === 2);
    await waitFor('all four committed', async () => (await storedOffsetTotal(reader, consumer.groupId, topicFor(prefix))) === 4);
    expect(await receivedCounts(reader)).toEqual({ rows: 2, distinct: 2 });
  });

  it('keeps its offsets in its own database, with the work, and starts each partition where they say', async () => {
    const prefix = uniquePrefix('stored-offsets');
    await prepareTopics(kafka, prefix, 1);
    const events = [rawEvent(), rawEvent(), rawEvent(), rawEvent()];
    await producer.send({ topic: topicFor(prefix), messages: events.map((e) => ({ key: e.aggregateId, value: JSON.stringify(e) })) });
    const groupId = `${prefix}giftflow.reader`;
    // A position stored by an earlier run says offsets 0–2 were handled: the consumer must seek past them.
    await reader.query('INSERT INTO consumer_offsets (group_id, topic, partition, next_offset) VALUES ($1, $2, 0, 3)', [groupId, topicFor(prefix)]);
    await start(recordingConsumer(kafka, reader, prefix, { chunkSize: 2 }));
    await waitFor('the fourth handled', async () => (await receivedCounts(reader)).distinct === 1);
    await waitFor('its position stored', async () => (await storedOffsetTotal(reader, groupId, topicFor(prefix))) === 4);
    const [handled] = await reader.query('SELECT event_id FROM received');
    expect(handled.event_id).toBe(events[3].id);
    // Nothing goes to Kafka: the database is the only place the group's position is kept.
    expect(await committedOffsets(kafka, groupId, topicFor(prefix))).toBe(0);
  });

  it('hands a batch subscription each chunk\'s run of new events at once, each event still exactly once', async () => {
    const prefix = uniquePrefix('batch');
    await prepareTopics(kafka, prefix, 1);
    const ids = await writeDonorEvents(writer, prefix, 200, 100);
    const again = await writer.query('SELECT envelope::jsonb AS envelope FROM outbox WHERE event_id = ANY($1::uuid[])', [ids.slice(0, 20)]);
    await start(newRelay(writer, kafka));
    await waitFor('all 200 on the topic', async () => (await unsentCount(writer)) === 0);
    // 20 of them delivered a second time, after the originals.
    await producer.send({ topic: topicFor(prefix), messages: again.map((r: { envelope: { aggregateId: string } }) => ({ key: r.envelope.aggregateId, value: JSON.stringify(r.envelope) })) });
    const sizes: number[] = [];
    await start(recordingConsumer(kafka, reader, prefix, { batchHandler: true, chunkSize: 50, onBatch: (n) => sizes.push(n) }));
    await waitFor('all 200 handled', async () => (await receivedCounts(reader)).distinct === 200);
    await waitFor('the duplicates consumed too (offset 220 committed)', async () => (await storedOffsetTotal(reader, `${prefix}giftflow.reader`, topicFor(prefix))) === 220);
    expect(await receivedCounts(reader)).toEqual({ rows: 200, distinct: 200 });
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(200); // duplicates never reach the handler
    expect(Math.max(...sizes)).toBe(50); // a whole chunk in one call
  });

  it('dead-letters a message whose handler always throws after the configured attempts, and keeps the partition flowing', async () => {
    const prefix = uniquePrefix('dlq');
    await prepareTopics(kafka, prefix, 1);
    const poison = rawEvent();
    const after = [rawEvent(), rawEvent(), rawEvent()];
    await producer.send({ topic: topicFor(prefix), messages: [poison, ...after].map((e) => ({ key: 'same-key', value: JSON.stringify(e) })) });
    let attempts = 0;
    const consumer = new EventConsumer(kafka, reader, {
      name: 'reader', source: null, topics: [topicFor(prefix)], topicPrefix: prefix, maxAttempts: 4, retryBackoffMs: 10,
      subscriptions: [
        on(DonorRegisteredV1, async (e, tx) => {
          if (e.id === poison.id) {
            attempts += 1;
            throw new Error('the handler is broken for this one');
          }
          await tx.manager.query('INSERT INTO received (event_id, donor_id) VALUES ($1, $2)', [e.id, e.payload.donorId]);
        }),
      ],
    });
    await start(consumer);
    await waitFor('the three after the poison', async () => (await receivedCounts(reader)).distinct === 3);
    await waitFor('all four committed', async () => (await storedOffsetTotal(reader, consumer.groupId, topicFor(prefix))) === 4);
    // The whole DLQ, not "at least one letter": exactly one.
    const letters = await readWholeTopic(kafka, dlqTopicOf(topicFor(prefix)));
    expect(letters).toHaveLength(1);
    const [letter] = letters;
    expect(JSON.parse(letter.value!).id).toBe(poison.id);
    expect(letter.headers[DLQ_HEADERS.error]).toContain('the handler is broken for this one');
    expect(letter.headers[DLQ_HEADERS.attempts]).toBe('4');
    expect(letter.headers[DLQ_HEADERS.originalTopic]).toBe(topicFor(prefix));
    // One attempt in the failed fast-path chunk, then four one at a time.
    expect(attempts).toBe(5);
  });

  it('refuses to publish an event that fails its schema, naming the field, and writes nothing', async () => {
    const uow = new UnitOfWork(writer, 'donors', '');
    const attempt = uow.run({ actor: 'test' }, async (tx) => {
      await tx.manager.query('CREATE TABLE side_effect (x int)');
      tx.publish(DonorRegisteredV1, 'd-1', { donorId: 'not-a-uuid', kind: 'pirate' } as never);
    });
    await expect(attempt).rejects.toThrow(EventSchemaError);
    await expect(attempt).rejects.toThrow(/donorId.*kind|kind.*donorId/s);
    expect((await writer.query('SELECT count(*)::int AS n FROM outbox'))[0].n).toBe(0);
    expect((await writer.query("SELECT to_regclass('side_effect') AS t"))[0].t).toBeNull(); // the state change rolled back too
  });

  it('sends a received message that fails its schema to the DLQ with the reason', async () => {
    const prefix = uniquePrefix('schema');
    await prepareTopics(kafka, prefix, 1);
    const bad = rawEvent({ payload: { donorId: randomUUID(), kind: 'pirate' } });
    const good = rawEvent();
    await producer.send({ topic: topicFor(prefix), messages: [bad, good].map((e) => ({ key: 'k', value: JSON.stringify(e) })) });
    await producer.send({ topic: topicFor(prefix), messages: [{ key: 'k', value: 'not json at all' }] });
    const consumer = await start(recordingConsumer(kafka, reader, prefix));
    await waitFor('the good one', async () => (await receivedCounts(reader)).distinct === 1);
    await waitFor('all three committed', async () => (await storedOffsetTotal(reader, consumer.groupId, topicFor(prefix))) === 3);
    const letters = await readWholeTopic(kafka, dlqTopicOf(topicFor(prefix)));
    expect(letters.map((l) => l.headers[DLQ_HEADERS.error])).toEqual([
      expect.stringMatching(/schema: invalid DonorRegistered.v1 payload: kind/),
      'message value is not JSON',
    ]);
  });

  it('loses nothing when the consumer is killed mid-batch and restarted', async () => {
    const prefix = uniquePrefix('consumer-kill');
    await prepareTopics(kafka, prefix);
    await writeDonorEvents(writer, prefix, 400, 100);
    await start(newRelay(writer, kafka));
    const env = { READER_DB: 'giftflow_test_backbone_reader', TOPIC_PREFIX: prefix, HANDLER_DELAY_MS: '5', CHUNK_SIZE: '25' };
    const victim = spawnCompiled('libs/testing/src/fixtures/consumer.process', env);
    await waitFor('some handled', async () => (await receivedCounts(reader)).rows >= 60, 30_000, 20);
    victim.kill('SIGKILL');
    await exited(victim);
    const atKill = await receivedCounts(reader);
    expect(atKill.rows).toBeLessThan(400);
    const successor = spawnCompiled('libs/testing/src/fixtures/consumer.process', env);
    try {
      await waitFor('all 400 handled', async () => (await receivedCounts(reader)).distinct === 400, 60_000);
      expect(await receivedCounts(reader)).toEqual({ rows: 400, distinct: 400 });
    } finally {
      successor.kill('SIGTERM');
      await exited(successor);
    }
  });

  it('publishes every row when a slow transaction holding an earlier id commits last', async () => {
    const prefix = uniquePrefix('out-of-order');
    await prepareTopics(kafka, prefix);
    const relay = await start(newRelay(writer, kafka));
    await start(recordingConsumer(kafka, reader, prefix));
    const uow = new UnitOfWork(writer, 'donors', prefix, () => relay.wake());
    let releaseSlow!: () => void;
    const slowMayCommit = new Promise<void>((r) => (releaseSlow = r));
    let slowId = '';
    let slowInserted!: () => void;
    const slowHasItsId = new Promise<void>((r) => (slowInserted = r));
    const slow = uow.run({ actor: 'slow' }, async (tx) => {
      const donorId = randomUUID();
      slowId = tx.publish(DonorRegisteredV1, donorId, { donorId, kind: 'individual' }).id;
      await tx.manager.query('SELECT 1'); // take the connection
      await tx.flush(); // its outbox id is handed out now...
      slowInserted();
      await slowMayCommit; // ...but it commits only after the fast ones are published
    });
    await slowHasItsId;
    const fast = await writeDonorEvents(writer, prefix, 20, 5, () => relay.wake());
    await waitFor('the fast ones', async () => (await receivedCounts(reader)).distinct === 20);
    const [{ minFast }] = await writer.query('SELECT min(id)::int AS "minFast" FROM outbox WHERE event_id = ANY($1::uuid[])', [fast]);
    releaseSlow();
    await slow;
    const [{ slowRow }] = await writer.query('SELECT id::int AS "slowRow" FROM outbox WHERE event_id = $1', [slowId]);
    expect(slowRow).toBeLessThan(minFast);
    await waitFor('the slow one too', async () => (await receivedCounts(reader)).distinct === 21);
  });
});
