import { randomUUID } from 'node:crypto';
import { ConsumerConfig, Kafka, Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DonorRegisteredV1, dlqTopicOf } from '@giftflow/contracts';
import * as messaging from '@giftflow/messaging';
import { DLQ_HEADERS, EventConsumer, OutboxRelay, RELAY_LOCK_KEY, UnitOfWork, on, resetStoredOffsets, storedOffsetTotal } from '@giftflow/messaging';
import { createTestDataSource, readWholeTopic, sleep, testKafka, uniquePrefix, waitFor } from '@giftflow/testing';
import {
  newRelay, prepareTopics, readerDatabase, receivedCounts, recordingConsumer, topicFor, unsentCount, writeDonorEvents, writerDatabase,
} from '../../testing/src/fixtures/backbone-fixture';

const WRITER = 'giftflow_test_backbone_guarantees_writer';
const READER = 'giftflow_test_backbone_guarantees_reader';

/** The numbered fixes of issue #7 (docs/backbone.md), each against the real broker and PostgreSQL. */
describe('backbone guarantees', () => {
  let kafka: Kafka;
  let writer: DataSource;
  let reader: DataSource;
  let producer: Producer;
  const running: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    kafka = testKafka('giftflow-test-guarantees');
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  beforeEach(async () => {
    writer = await writerDatabase(true, WRITER);
    reader = await readerDatabase(true, READER);
  });

  afterEach(async () => {
    for (const r of running.splice(0)) await r.stop();
    await writer.destroy();
    await reader.destroy();
  });

  afterAll(async () => {
    await producer.disconnect();
  });

  const started = async (consumer: EventConsumer): Promise<EventConsumer> => {
    running.push(consumer);
    await consumer.start();
    return consumer;
  };
  const startedRelay = (relay: OutboxRelay): OutboxRelay => {
    running.push(relay);
    relay.start();
    return relay;
  };
  const donorEvent = (overrides: Record<string, unknown> = {}) => {
    const donorId = randomUUID();
    return {
      id: randomUUID(), type: 'DonorRegistered', version: 1, source: 'donors', aggregateId: donorId,
      occurredAt: new Date().toISOString(), correlationId: randomUUID(), causationId: null, actor: 'test',
      payload: { donorId, kind: 'business' }, ...overrides,
    };
  };
  const send = (prefix: string, events: object[], key = 'k') =>
    producer.send({ topic: topicFor(prefix), messages: events.map((e) => ({ key, value: JSON.stringify(e) })) });
  const inbox = async (consumer = 'reader'): Promise<{ event_id: string; status: string; error: string | null }[]> =>
    reader.query('SELECT event_id, status, error FROM inbox WHERE consumer = $1 ORDER BY handled_at', [consumer]);

  it('1. dead-letters a subscribed type at a version it has no handler for, and counts types it does not subscribe to', async () => {
    const prefix = uniquePrefix('unsupported');
    await prepareTopics(kafka, prefix, 1);
    const v2 = donorEvent({ version: 2 });
    const other = { ...donorEvent(), type: 'PledgeRecorded', payload: {} }; // not subscribed: skipped, counted
    const good = donorEvent();
    await send(prefix, [v2, other, good]);
    const consumer = await started(recordingConsumer(kafka, reader, prefix));
    await waitFor('the good one', async () => (await receivedCounts(reader)).distinct === 1);
    const letters = await readWholeTopic(kafka, dlqTopicOf(topicFor(prefix)));
    expect(letters.map((l) => l.headers[DLQ_HEADERS.error])).toEqual(['unsupported version 2 of DonorRegistered']);
    expect(letters[0].headers[DLQ_HEADERS.eventId]).toBe(v2.id);
    expect(await inbox()).toEqual([
      { event_id: v2.id, status: 'dead', error: 'unsupported version 2 of DonorRegistered' },
      { event_id: good.id, status: 'handled', error: null },
    ]);
    expect(consumer.skipped.get('PledgeRecorded.v1')).toBe(1);
    await waitFor('all three committed', async () => (await storedOffsetTotal(reader, consumer.groupId, topicFor(prefix))) === 3);
  });

  it('1b. stalls the partition and reports not ready instead, when the subscription asks for it', async () => {
    const prefix = uniquePrefix('stall');
    await prepareTopics(kafka, prefix, 1);
    const before = donorEvent();
    const v2 = donorEvent({ version: 2 });
    const after = donorEvent();
    await send(prefix, [before, v2, after]);
    const consumer = await started(new EventConsumer(kafka, reader, {
      name: 'reader', source: null, topics: [topicFor(prefix)], topicPrefix: prefix,
      subscriptions: [on(DonorRegisteredV1, async (e, tx) => {
        await tx.manager.query('INSERT INTO received (event_id, donor_id) VALUES ($1, $2)', [e.id, e.payload.donorId]);
      }, { unsupportedVersions: 'stall' })],
    }));
    await waitFor('stalled', async () => consumer.health().state === 'stalled');
    expect(consumer.health()).toMatchObject({ ready: false, detail: expect.stringContaining('unsupported version 2 of DonorRegistered') });
    await sleep(1_500);
    expect(await receivedCounts(reader)).toEqual({ rows: 1, distinct: 1 }); // the one before, not the one after
    expect(await storedOffsetTotal(reader, consumer.groupId, topicFor(prefix))).toBe(1);
    expect(await readWholeTopic(kafka, dlqTopicOf(topicFor(prefix)))).toEqual([]);
  });

  it('2. handles an upper-case event id exactly once, however often and in whichever case it comes', async () => {
    const prefix = uniquePrefix('upper');
    await prepareTopics(kafka, prefix, 1);
    const event = donorEvent();
    const upper = { ...event, id: event.id.toUpperCase() };
    await send(prefix, [upper, upper]);
    await send(prefix, [event, upper]);
    await send(prefix, [donorEvent()]);
    await started(recordingConsumer(kafka, reader, prefix, { chunkSize: 2 }));
    await waitFor('both events', async () => (await receivedCounts(reader)).distinct === 2);
    await sleep(500);
    expect(await receivedCounts(reader)).toEqual({ rows: 2, distinct: 2 });
    const [{ n }] = await reader.query('SELECT count(*)::int AS n FROM received WHERE event_id = $1', [event.id]);
    expect(n).toBe(1);
  });

  it('3. parks a row Kafka refuses for good, sends the rows behind it, and sizes batches in bytes below the topic limit', async () => {
    const prefix = uniquePrefix('park');
    const admin = kafka.admin();
    await admin.connect();
    // A topic that refuses record batches over 16 KiB: 100 events of ~400 bytes sent as one batch would be refused.
    await admin.createTopics({ waitForLeaders: true, topics: [topicFor(prefix), dlqTopicOf(topicFor(prefix))].map((topic) => ({
      topic, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: '16384' }],
    })) });
    await admin.disconnect();
    const first = await writeDonorEvents(writer, prefix, 50, 50);
    // A row no broker of this topic will take (an older build wrote it; the relay must cope with any row).
    const huge = donorEvent({ payload: { donorId: randomUUID(), kind: 'business', note: 'x'.repeat(40_000) } });
    await writer.query(`INSERT INTO outbox (event_id, topic, message_key, event_type, envelope) VALUES ($1, $2, $3, $4, $5)`,
      [huge.id, topicFor(prefix), huge.aggregateId, huge.type, JSON.stringify(huge)]);
    const rest = await writeDonorEvents(writer, prefix, 50, 50);
    // Batches as sent (afterSend runs once per batch; onPublished once per transaction, which may hold several).
    const batches: number[] = [];
    startedRelay(new OutboxRelay(writer, kafka, { pollIntervalMs: 100, maxBatchBytes: 12_000, afterSend: (ids) => void batches.push(ids.length) }));
    await started(recordingConsumer(kafka, reader, prefix, { chunkSize: 1000 }));
    await waitFor('all 100 good events handled', async () => (await receivedCounts(reader)).distinct === 100, 30_000);
    const [parked] = await writer.query('SELECT event_id, failed_at, last_error FROM outbox WHERE failed_at IS NOT NULL');
    expect(parked.event_id).toBe(huge.id);
    expect(parked.last_error).toMatch(/larger than the max message size/);
    expect(batches.length).toBeGreaterThan(3);
    expect(new Set((await reader.query('SELECT event_id FROM received')).map((r: { event_id: string }) => r.event_id))).toEqual(new Set([...first, ...rest]));
    const relay = running[0] as OutboxRelay;
    expect(await relay.outboxHealth()).toEqual({ parked: 1, pending: 0, oldestUnpublishedSeconds: 0 });
  });

  it('4. retries infrastructure errors (a missing table, serialization failures) without dead-lettering, paused while they last', async () => {
    const prefix = uniquePrefix('infra');
    await prepareTopics(kafka, prefix, 1);
    const events = [donorEvent(), donorEvent(), donorEvent()];
    await reader.query('ALTER TABLE received RENAME TO received_elsewhere'); // a bad deploy: 42P01 in the handler
    let serializationFailures = 0;
    const consumer = await started(recordingConsumer(kafka, reader, prefix, {
      maxAttempts: 2, infrastructureBackoffMs: { initial: 50, max: 200 }, pauseAfterInfrastructureFailures: 3,
    }));
    await send(prefix, events);
    await waitFor('paused by the outage', async () => consumer.health().state === 'paused', 20_000);
    expect(consumer.health()).toMatchObject({ ready: false, detail: expect.stringContaining('received') });
    await reader.query('ALTER TABLE received_elsewhere RENAME TO received');
    await waitFor('all three handled', async () => (await receivedCounts(reader)).distinct === 3, 20_000);
    await waitFor('running again', async () => consumer.health().ready);
    expect(await readWholeTopic(kafka, dlqTopicOf(topicFor(prefix)))).toEqual([]);

    // 40001 thrown by a handler twice more than maxAttempts: still retried, never dead-lettered.
    const prefix2 = uniquePrefix('infra-serialization');
    await prepareTopics(kafka, prefix2, 1);
    const retried = donorEvent();
    const second = await started(new EventConsumer(kafka, reader, {
      name: 'reader-2', source: null, topics: [topicFor(prefix2)], topicPrefix: prefix2, maxAttempts: 2, infrastructureBackoffMs: { initial: 20, max: 50 },
      subscriptions: [on(DonorRegisteredV1, async (e, tx) => {
        if (serializationFailures < 4) {
          serializationFailures += 1;
          await tx.manager.query(`DO $$ BEGIN RAISE EXCEPTION 'could not serialize access' USING ERRCODE = 'serialization_failure'; END $$`);
        }
        await tx.manager.query('INSERT INTO received (event_id, donor_id) VALUES ($1, $2)', [e.id, e.payload.donorId]);
      })],
    }));
    await send(prefix2, [retried]);
    await waitFor('handled after four serialization failures', async () => (await receivedCounts(reader)).distinct === 4, 20_000);
    expect(serializationFailures).toBe(4);
    expect(await readWholeTopic(kafka, dlqTopicOf(topicFor(prefix2)))).toEqual([]);
    expect(second.health().ready).toBe(true);
  });

  it('5. restarts a consumer that crashed for good, with backoff, and reports it not ready meanwhile', async () => {
    const prefix = uniquePrefix('crash');
    await prepareTopics(kafka, prefix, 1);
    let crashes = 0;
    const states: string[] = [];
    const consumer = await started(recordingConsumer(kafka, reader, prefix, {
      restartBackoffMs: { initial: 500, max: 2_000 },
      onHandled: () => {
        if (crashes === 0) {
          crashes += 1;
          // What kafkajs gives up on for good (it bails without restarting, docs/backbone.md, trap 4): no broker available.
          throw Object.assign(new Error('no broker available (simulated)'), { name: 'KafkaJSNoBrokerAvailableError' });
        }
      },
    }));
    const watch = setInterval(() => states.push(consumer.health().state), 50);
    try {
      await send(prefix, [donorEvent()]);
      await waitFor('crashed and restarted', async () => states.includes('restarting') && consumer.health().ready, 30_000);
      await send(prefix, [donorEvent()]);
      await waitFor('handled after the restart', async () => (await receivedCounts(reader)).distinct === 2, 30_000);
    } finally {
      clearInterval(watch);
    }
    expect(crashes).toBe(1);
    // The first event committed its transaction before the crash, so its redelivery is dropped by the inbox.
    expect(await receivedCounts(reader)).toEqual({ rows: 2, distinct: 2 });
  });

  it('5. lets kafkajs restart its consumer by itself only while it is the one running: not once stopped, nor once replaced (trap 28)', async () => {
    const prefix = uniquePrefix('restart-rule');
    await prepareTopics(kafka, prefix, 1);
    // The same broker, each kafkajs consumer's configuration noted as it is made.
    const noting = testKafka('giftflow-test-restart-rule');
    const configs: ConsumerConfig[] = [];
    const make = noting.consumer.bind(noting);
    noting.consumer = (config: ConsumerConfig) => {
      configs.push(config);
      return make(config);
    };
    const mayRestart = (i: number) => configs[i].retry!.restartOnFailure!(new Error('crashed (as kafkajs asks after a crash)'));
    const consumer = await started(recordingConsumer(noting, reader, prefix));
    expect(configs).toHaveLength(1);
    expect(await mayRestart(0)).toBe(true);
    await consumer.stop();
    expect(await mayRestart(0)).toBe(false);
    await consumer.start(); // a new kafkajs consumer: the old one must not come back beside it
    expect(configs).toHaveLength(2);
    expect(await mayRestart(0)).toBe(false);
    expect(await mayRestart(1)).toBe(true);
  });

  it('6. writes one letter per event and consumer, however often the poison is delivered, and records it dead', async () => {
    const prefix = uniquePrefix('one-letter');
    await prepareTopics(kafka, prefix, 1);
    const poison = donorEvent({ payload: { donorId: 'not-a-uuid', kind: 'business' } });
    await send(prefix, [poison, poison, donorEvent()]);
    await send(prefix, [poison]);
    const consumer = await started(recordingConsumer(kafka, reader, prefix, { chunkSize: 1 }));
    await waitFor('all four read', async () => (await storedOffsetTotal(reader, consumer.groupId, topicFor(prefix))) === 4);
    await consumer.stop();
    // The same events again from offset 0, as after a reset.
    await resetStoredOffsets(kafka, reader, consumer.groupId, topicFor(prefix));
    expect(await storedOffsetTotal(reader, consumer.groupId, topicFor(prefix))).toBe(0);
    await consumer.start();
    await sleep(2_000);
    await waitFor('all four read again', async () => (await storedOffsetTotal(reader, consumer.groupId, topicFor(prefix))) === 4);
    const letters = await readWholeTopic(kafka, dlqTopicOf(topicFor(prefix)));
    expect(letters).toHaveLength(1);
    expect(letters[0].headers[DLQ_HEADERS.error]).toMatch(/schema: invalid DonorRegistered.v1 payload: donorId/);
    expect((await inbox()).filter((r) => r.status === 'dead').map((r) => r.event_id)).toEqual([poison.id]);
  });

  it('7. lets only validated, frozen envelopes into the outbox: no raw writer, and changing a published event changes nothing', async () => {
    expect((messaging as Record<string, unknown>).writeOutboxRows).toBeUndefined();
    const uow = new UnitOfWork(writer, 'donors', '');
    const donorId = randomUUID();
    const published = await uow.run({ actor: 'test' }, async (tx) => {
      const event = tx.publish(DonorRegisteredV1, donorId, { donorId, kind: 'business' });
      expect(() => ((event.payload as { kind: string }).kind = 'pirate')).toThrow(TypeError);
      expect(() => (tx.pending as unknown[]).push({ eventId: randomUUID() })).toThrow(TypeError);
      return event;
    });
    const rows = await writer.query('SELECT event_id, envelope::jsonb AS envelope FROM outbox');
    expect(rows).toHaveLength(1);
    expect(rows[0].envelope.payload).toEqual({ donorId, kind: 'business' });
    expect(rows[0].event_id).toBe(published.id);
  });

  it('9. stops during the one-by-one retries at once, committing nothing for the message it gave up on', async () => {
    const prefix = uniquePrefix('stop-retries');
    await prepareTopics(kafka, prefix, 1);
    let attempts = 0;
    const consumer = await started(new EventConsumer(kafka, reader, {
      name: 'reader', source: null, topics: [topicFor(prefix)], topicPrefix: prefix, maxAttempts: 10, retryBackoffMs: 2_000,
      subscriptions: [on(DonorRegisteredV1, async () => {
        attempts += 1;
        throw new Error('broken handler');
      })],
    }));
    await send(prefix, [donorEvent()]);
    await waitFor('retrying one at a time', async () => attempts >= 2);
    const asked = Date.now();
    await consumer.stop();
    expect(Date.now() - asked).toBeLessThan(3_000); // not the ~90 s the remaining retries would take
    expect(await storedOffsetTotal(reader, consumer.groupId, topicFor(prefix))).toBe(0);
    expect(await readWholeTopic(kafka, dlqTopicOf(topicFor(prefix)))).toEqual([]);
  });

  it('10. sets statement, lock and idle-in-transaction timeouts and keepalives: a zombie cannot hold the relay lock', async () => {
    const settings = await writer.query(`SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock,
      current_setting('idle_in_transaction_session_timeout') AS idle`);
    expect(settings).toEqual([{ statement: '30s', lock: '10s', idle: '1min' }]);
    const prefix = uniquePrefix('zombie');
    await prepareTopics(kafka, prefix);
    // A process that took the relay's lock and froze: its session dies 2 s later, not hours later.
    process.env.PG_IDLE_IN_TRANSACTION_TIMEOUT_MS = '2000';
    const zombieSource = await createTestDataSource(WRITER, [], false);
    delete process.env.PG_IDLE_IN_TRANSACTION_TIMEOUT_MS;
    const zombie = zombieSource.createQueryRunner();
    await zombie.startTransaction();
    await zombie.query('SELECT pg_advisory_xact_lock($1)', [RELAY_LOCK_KEY]);
    try {
      const ids = await writeDonorEvents(writer, prefix, 10, 10);
      startedRelay(newRelay(writer, kafka));
      await sleep(1_000);
      expect(await unsentCount(writer)).toBe(10); // held
      await waitFor('published once the zombie session is gone', async () =>
        (await unsentCount(writer)) === 0, 15_000);
      expect(ids).toHaveLength(10);
    } finally {
      await zombie.release().catch(() => undefined);
      await zombieSource.destroy().catch(() => undefined);
    }
  });
});
