import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DonorRegisteredV1, dlqTopicOf } from '@giftflow/contracts';
import { DeadLetters, EventConsumer, consumerLag, on } from '@giftflow/messaging';
import { readWholeTopic, testKafka, uniquePrefix, waitFor } from '@giftflow/testing';
import { parseDlqArgs, runDlq } from '../../../scripts/dlq';
import { prepareTopics, readerDatabase, receivedCounts, topicFor } from '../../testing/src/fixtures/backbone-fixture';

/** `npm run dlq` and `npm run lag` against the real broker and PostgreSQL (issue #7, "Operating it"). */
describe('operating the backbone: dlq and lag', () => {
  let kafka: Kafka;
  let reader: DataSource;
  let producer: Producer;
  const consumers: EventConsumer[] = [];

  beforeAll(async () => {
    kafka = testKafka('giftflow-test-operations');
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    reader = await readerDatabase(true, 'giftflow_test_backbone_operations_reader');
  });

  afterAll(async () => {
    for (const c of consumers) await c.stop();
    await producer.disconnect();
    await reader.destroy();
  });

  const donorEvent = () => {
    const donorId = randomUUID();
    return {
      id: randomUUID(), type: 'DonorRegistered', version: 1, source: 'donors', aggregateId: donorId,
      occurredAt: new Date().toISOString(), correlationId: randomUUID(), causationId: null, actor: 'test', payload: { donorId, kind: 'business' },
    };
  };

  it('lists, shows and replays a letter into the consumer that wrote it, keeping the letter; lag per partition', async () => {
    const prefix = uniquePrefix('ops');
    await prepareTopics(kafka, prefix, 2);
    const broken = donorEvent();
    const fine = donorEvent();
    let fixed = false;
    const seenByOther: string[] = [];
    const recorder = (name: string) => new EventConsumer(kafka, reader, {
      name, source: null, topics: [topicFor(prefix)], topicPrefix: prefix, maxAttempts: 2, retryBackoffMs: 10,
      subscriptions: [on(DonorRegisteredV1, async (e, tx) => {
        if (name === 'other') {
          seenByOther.push(e.id);
          return;
        }
        if (e.id === broken.id && !fixed) throw new Error('a bug in the handler');
        await tx.manager.query('INSERT INTO received (event_id, donor_id) VALUES ($1, $2)', [e.id, e.payload.donorId]);
      })],
    });
    consumers.push(recorder('reader'), recorder('other'));
    for (const c of consumers) await c.start();
    await producer.send({ topic: topicFor(prefix), messages: [broken, fine].map((e) => ({ key: e.aggregateId, value: JSON.stringify(e) })) });
    await waitFor('the fine one handled', async () => (await receivedCounts(reader)).distinct === 1);
    await waitFor('the other consumer saw both', async () => seenByOther.length === 2);

    const letters = new DeadLetters({ kafka, topicPrefix: prefix, databaseFor: async () => reader });
    const printed: string[] = [];
    const dlq = (...argv: string[]) => runDlq(letters, parseDlqArgs(argv), (line) => printed.push(line));
    const listed = await waitFor('the letter', async () => {
      const found = await letters.list({ consumer: 'reader' });
      return found.length === 1 ? found : null;
    });
    expect(listed[0]).toMatchObject({ status: 'dead', consumer: 'reader', topic: topicFor(prefix), eventId: broken.id, type: 'DonorRegistered.v1', attempts: 2 });
    expect(listed[0].error).toContain('a bug in the handler');
    await dlq('list', '--topic', 'donors.events');
    expect(printed.join('\n')).toMatch(new RegExp(`dead\\s+reader\\s+${topicFor(prefix).replace(/\./g, '\\.')}.*${broken.id}`));
    expect(await letters.list({ consumer: 'other' })).toEqual([]);
    printed.length = 0;
    await dlq('show', broken.id.toUpperCase()); // ids are canonical here too
    expect(JSON.parse(printed[0])).toMatchObject({ eventId: broken.id, value: JSON.stringify(broken) });

    fixed = true;
    printed.length = 0;
    await dlq('replay', '--all', '--consumer', 'reader');
    expect(printed).toContain('1 letter(s) replayed');
    await waitFor('the replayed one handled', async () => (await receivedCounts(reader)).distinct === 2);
    await waitFor('marked handled', async () => (await letters.list())[0]?.status === 'handled');
    expect(await receivedCounts(reader)).toEqual({ rows: 2, distinct: 2 });
    expect(seenByOther).toHaveLength(2); // the replay was for "reader" only
    expect(await readWholeTopic(kafka, dlqTopicOf(topicFor(prefix)))).toHaveLength(1); // the letter is kept
    // A second replay finds nothing dead.
    expect(await letters.replay({ all: true })).toEqual([]);

    // Lag: the consumers are at the end; with one stopped, new events show as its lag.
    const groups = consumers.map((c) => c.groupId);
    await waitFor('no lag', async () => (await consumerLag(kafka, { groups, databases: [reader] })).every((r) => r.lag === '0'));
    await consumers[1].stop();
    await producer.send({ topic: topicFor(prefix), messages: [donorEvent(), donorEvent(), donorEvent()].map((e) => ({ key: 'same', value: JSON.stringify(e) })) });
    await waitFor('three handled by the running one', async () => (await receivedCounts(reader)).distinct === 5);
    await waitFor('settled', async () => {
      const lag = await consumerLag(kafka, { groups, databases: [reader] });
      const of = (group: string) => lag.filter((r) => r.group === group).reduce((s, r) => s + Number(r.lag), 0);
      return of(consumers[0].groupId) === 0 && of(consumers[1].groupId) === 3;
    });
    const lag = await consumerLag(kafka, { topicPrefix: prefix, databases: [reader] });
    // EventConsumers keep their positions in their database, none in Kafka.
    expect(lag.filter((r) => r.stored === 'database').length).toBeGreaterThan(0);
    expect(lag.filter((r) => r.stored === 'kafka')).toEqual([]);
    expect(lag.map((r) => r.group).sort()).toEqual([...groups, ...groups].sort()); // two partitions each
    // A partition the group never handled anything on shows committed -1 and all of it as lag.
    for (const r of lag) expect(BigInt(r.end) - (BigInt(r.committed) < 0n ? 0n : BigInt(r.committed))).toBe(BigInt(r.lag));
  });
});
