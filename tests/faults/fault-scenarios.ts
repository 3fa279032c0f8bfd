import { randomUUID } from 'node:crypto';
import { ChildProcess } from 'node:child_process';
import { Kafka, Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PledgeRecordedV1, dlqTopicOf } from '@giftflow/contracts';
import { EventConsumer, OutboxRelay, UnitOfWork, resetStoredOffsets, storedOffsetTotal, withDeadline } from '@giftflow/messaging';
import {
  committedOffsets, createTestDataSource, exited, readWholeTopic, sleep, spawnCompiled, startServiceForTest, testDatabaseName, testKafka, uniquePrefix, waitFor,
} from '@giftflow/testing';
import {
  EventWriter, Verdict, between, handledCount, keysFor, newRelay, prepareRun, recordingConsumer, sentCount, topicOf, verdict,
} from './fault-harness';
import { SecondBroker } from './second-broker';

export interface RunContext {
  kafka: Kafka;
  random: () => number;
  /** `s3-r7`: names this run's databases and topics. */
  label: string;
  broker: () => Promise<SecondBroker>;
}

export interface RunResult extends Verdict {
  /** Anything else the scenario checks (where a kill landed, an exit code, a committed offset). */
  problems: string[];
}

export interface Scenario {
  id: string;
  title: string;
  run(ctx: RunContext, cleanup: Cleanup): Promise<RunResult>;
}

/** What a run started, stopped in reverse order whatever happens. */
export class Cleanup {
  private readonly steps: (() => Promise<unknown>)[] = [];

  add<T extends { stop(): Promise<void> } | DataSource | ChildProcess>(thing: T): T {
    if (thing instanceof DataSource) this.steps.push(() => thing.destroy());
    else if ('stop' in thing) this.steps.push(() => thing.stop());
    else this.steps.push(async () => {
      if (thing.exitCode === null && thing.signalCode === null) {
        thing.kill('SIGKILL');
        await exited(thing);
      }
    });
    return thing;
  }

  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) await step().catch(() => undefined);
  }
}

const PROCESS = (name: string) => `tests/faults/${name}`;
/** The run's databases, suffixed like every test database of this checkout (two checkouts' fault runs once dropped each other's). */
const databases = (label: string) => ({ writer: testDatabaseName(`faults_${label.replace('-', '_')}_w`), reader: testDatabaseName(`faults_${label.replace('-', '_')}_r`) });

async function setup(ctx: RunContext, cleanup: Cleanup, partitions = 3, kafka = ctx.kafka) {
  const prefix = uniquePrefix(`faults-${ctx.label}`);
  const dbs = databases(ctx.label);
  const { writer, reader } = await prepareRun(kafka, prefix, dbs, partitions);
  cleanup.add(writer);
  cleanup.add(reader);
  const keys = keysFor(between(ctx.random, 3, 12));
  return { prefix, dbs, writer, reader, keys };
}

/** Whether the child exited within `ms`; one that did not is killed, so that a run fails its check instead of hanging the suite. */
async function exitedWithin(child: ChildProcess, ms: number): Promise<boolean> {
  const inTime = (await withDeadline(exited(child).then(() => true), Date.now() + ms)) === true;
  if (!inTime) {
    child.kill('SIGKILL');
    await exited(child);
  }
  return inTime;
}

async function allHandled(writer: DataSource, reader: DataSource, timeoutMs = 90_000): Promise<void> {
  const expected = await waitFor('what was sent', async () => sentCount(writer), 10_000, 200); // a killed pooled connection may answer first
  await waitFor(`${expected} events handled`, async () => (await handledCount(reader)) >= expected, timeoutMs, 200);
}

/** The run's verdict; read again if a connection the fault killed was still in the pool (the fault, not the verdict). */
const result = async (writer: DataSource, reader: DataSource, problems: string[] = []): Promise<RunResult> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { ...(await verdict(writer, reader)), problems };
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(200 * attempt);
    }
  }
};

/**
 * The group's positions summed over the topic's partitions — as stored in the reader's database with the work
 * (docs/backbone.md, "Offsets in the consumer's database"), checked to be absent from Kafka — and the topic's end offsets.
 */
async function positions(kafka: Kafka, reader: DataSource, groupId: string, topic: string): Promise<{ committed: number; end: number; inKafka: number }> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const end = (await admin.fetchTopicOffsets(topic)).reduce((s, p) => s + Number(p.high), 0);
    return { committed: await storedOffsetTotal(reader, groupId, topic), end, inKafka: await committedOffsets(kafka, groupId, topic) };
  } finally {
    await admin.disconnect();
  }
}

export const SCENARIOS: Scenario[] = [
  {
    id: 'broker-kill',
    title: '1 broker SIGKILLed and restarted mid-publish',
    async run(ctx, cleanup) {
      const broker = await ctx.broker();
      const kafka = testKafka(`faults-${ctx.label}`, [broker.address]);
      const { prefix, writer, reader, keys } = await setup(ctx, cleanup, 3, kafka);
      const relay = cleanup.add(newRelay(writer, kafka, between(ctx.random, 50, 500)));
      relay.start();
      const consumer = cleanup.add(recordingConsumer(kafka, reader, prefix, { batch: ctx.random() < 0.5, chunkSize: between(ctx.random, 20, 200) }));
      await consumer.start();
      const events = new EventWriter(writer, prefix, keys, ctx.random, () => relay.wake());
      const writing = events.writeMany(between(ctx.random, 300, 600), between(ctx.random, 3, 20), 15);
      await waitFor('some handled before the kill', async () => (await handledCount(reader)) >= between(ctx.random, 30, 120), 60_000, 50);
      broker.kill();
      await sleep(between(ctx.random, 500, 3_000));
      await broker.start();
      await writing;
      await allHandled(writer, reader, 180_000);
      return result(writer, reader);
    },
  },
  {
    id: 'relay-kill',
    title: '2 relay process killed after the send, before marking sent',
    async run(ctx, cleanup) {
      const { prefix, dbs, writer, reader, keys } = await setup(ctx, cleanup);
      const events = await new EventWriter(writer, prefix, keys, ctx.random).writeMany(between(ctx.random, 200, 500), between(ctx.random, 5, 50));
      // The kill point must be a send the relay makes: with everything committed first, it makes at least
      // floor(events / batch) full sends (a run once drew 3 sends of 150 for 275 events, and the relay never died).
      const batch = between(ctx.random, 20, 150);
      const crashAfter = between(ctx.random, 1, Math.min(3, Math.floor(events / batch)));
      const victim = cleanup.add(spawnCompiled(PROCESS('fault-relay.process'), {
        WRITER_DB: dbs.writer, CRASH_AFTER_SENDS: String(crashAfter), RELAY_BATCH: String(batch),
      }));
      const problems: string[] = [];
      if (!(await exitedWithin(victim, 60_000))) problems.push(`the relay did not reach its kill point (send ${crashAfter} of ${events} events in batches of ${batch}) within 60 s`);
      else if (victim.signalCode !== 'SIGKILL') problems.push(`relay exited ${victim.exitCode ?? victim.signalCode}, not by its SIGKILL after a send`);
      const [{ sentButUnmarked }] = await writer.query('SELECT count(*)::int AS "sentButUnmarked" FROM outbox WHERE published_at IS NULL');
      if (sentButUnmarked === 0) problems.push('the kill left no row unmarked');
      cleanup.add(newRelay(writer, ctx.kafka)).start();
      await cleanup.add(recordingConsumer(ctx.kafka, reader, prefix, { chunkSize: between(ctx.random, 10, 200) })).start();
      await allHandled(writer, reader);
      return result(writer, reader, problems);
    },
  },
  {
    id: 'consumer-kill',
    title: '3 consumer process killed right after its database commit (which stores its offsets too)',
    async run(ctx, cleanup) {
      const { prefix, dbs, writer, reader, keys } = await setup(ctx, cleanup);
      await new EventWriter(writer, prefix, keys, ctx.random).writeMany(between(ctx.random, 200, 500), between(ctx.random, 5, 50));
      cleanup.add(newRelay(writer, ctx.kafka)).start();
      const env = { READER_DB: dbs.reader, TOPIC_PREFIX: prefix, CHUNK_SIZE: String(between(ctx.random, 5, 40)), BATCH_HANDLER: ctx.random() < 0.5 ? '1' : '0' };
      const victim = cleanup.add(spawnCompiled(PROCESS('fault-consumer.process'), { ...env, CRASH_AFTER_COMMITS: String(between(ctx.random, 1, 4)) }));
      await exited(victim);
      const problems: string[] = [];
      if (victim.signalCode !== 'SIGKILL') problems.push(`consumer exited ${victim.exitCode ?? victim.signalCode}, not by its SIGKILL`);
      // Proof the kill landed right after a chunk's commit (the hook that kills runs then), and that the commit
      // held the chunk's position too: the marked chunk is in the inbox, the stored positions cover exactly what
      // was handled, killed chunk included, and Kafka holds no offset that could disagree with them.
      const [mark] = await reader.query('SELECT event_ids FROM kill_mark');
      const [{ inInbox }] = await reader.query('SELECT count(*)::int AS "inInbox" FROM inbox WHERE event_id = ANY($1::uuid[])', [mark?.event_ids ?? []]);
      const handledAtKill = await handledCount(reader);
      const { committed, inKafka } = await positions(ctx.kafka, reader, `${prefix}giftflow.fault-reader`, topicOf(prefix));
      if (!mark || inInbox !== mark.event_ids.length) problems.push('the killed chunk did not commit to the database');
      else if (committed !== handledAtKill) problems.push(`stored offsets ${committed} for ${handledAtKill} handled: the position did not commit with the chunk`);
      if (inKafka !== 0) problems.push(`${inKafka} offsets committed to Kafka`);
      cleanup.add(spawnCompiled(PROCESS('fault-consumer.process'), env));
      await allHandled(writer, reader);
      return result(writer, reader, problems);
    },
  },
  {
    id: 'pg-terminate',
    title: '4 PostgreSQL connections terminated mid-write (pg_terminate_backend)',
    async run(ctx, cleanup) {
      const { prefix, dbs, writer, reader, keys } = await setup(ctx, cleanup);
      const relay = cleanup.add(newRelay(writer, ctx.kafka, between(ctx.random, 50, 500)));
      relay.start();
      await cleanup.add(recordingConsumer(ctx.kafka, reader, prefix, { batch: ctx.random() < 0.5, chunkSize: between(ctx.random, 10, 100) })).start();
      const events = new EventWriter(writer, prefix, keys, ctx.random, () => relay.wake());
      let writing = true;
      // Half the runs write long queues (over 100 rows: the outbox's COPY), half short ones (the INSERT sent with the COMMIT).
      const long = ctx.random() < 0.5;
      const written = (long
        ? events.writeMany(between(ctx.random, 1500, 3000), between(ctx.random, 101, 200), 40)
        : events.writeMany(between(ctx.random, 300, 600), between(ctx.random, 3, 20), 10)).finally(() => (writing = false));
      const admin = new Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
      await admin.connect();
      let terminated = 0;
      try {
        for (let i = between(ctx.random, 3, 6); i > 0 && writing; i -= 1) {
          await sleep(between(ctx.random, 100, 600));
          const { rowCount } = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ANY($1) AND pid <> pg_backend_pid()', [[dbs.writer, dbs.reader]]);
          terminated += rowCount ?? 0;
        }
      } finally {
        await admin.end();
      }
      await written;
      await allHandled(writer, reader);
      return result(writer, reader, terminated > 0 ? [] : ['no connection was terminated']);
    },
  },
  {
    id: 'out-of-order-commits',
    title: '5 out-of-order outbox commits',
    async run(ctx, cleanup) {
      const { prefix, writer, reader } = await setup(ctx, cleanup);
      const relay = cleanup.add(new OutboxRelay(writer, ctx.kafka, { pollIntervalMs: 20, batchSize: between(ctx.random, 5, 100) }));
      relay.start();
      await cleanup.add(recordingConsumer(ctx.kafka, reader, prefix, { chunkSize: between(ctx.random, 10, 100) })).start();
      // Lanes with keys of their own: within a lane commits follow one another, across lanes they overtake each other.
      const lanes = Array.from({ length: between(ctx.random, 4, 8) }, () => new EventWriter(writer, prefix, keysFor(2), ctx.random, () => relay.wake()));
      await Promise.all(lanes.map(async (lane) => {
        for (let i = between(ctx.random, 20, 40); i > 0; i -= 1) {
          await lane.write(between(ctx.random, 1, 5), () => sleep(between(ctx.random, 0, 150))); // ids taken, commit held back
        }
      }));
      await allHandled(writer, reader);
      return result(writer, reader);
    },
  },
  {
    id: 'poison',
    title: '6 poison messages among good ones: DLQ, partition flows, committed offset asserted',
    async run(ctx, cleanup) {
      const { prefix, writer, reader, keys } = await setup(ctx, cleanup);
      const relay = cleanup.add(newRelay(writer, ctx.kafka));
      relay.start();
      const consumer = cleanup.add(recordingConsumer(ctx.kafka, reader, prefix, { chunkSize: between(ctx.random, 5, 100), maxAttempts: 2 }));
      await consumer.start();
      const producer = ctx.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      const poisons = [
        () => 'not json {',
        () => JSON.stringify({ id: randomUUID(), type: 'DonorRegistered', version: 1, source: 'donors', aggregateId: 'x', occurredAt: new Date().toISOString(),
          correlationId: randomUUID(), causationId: null, actor: 't', payload: { donorId: 'not-a-uuid', kind: 'individual' } }),
        () => JSON.stringify({ id: randomUUID(), type: 'DonorRegistered', version: 7, source: 'donors', aggregateId: 'x', occurredAt: new Date().toISOString(),
          correlationId: randomUUID(), causationId: null, actor: 't', payload: {} }),
        () => JSON.stringify({ hello: 'not an envelope' }),
      ];
      let poisoned = 0;
      const events = new EventWriter(writer, prefix, keys, ctx.random, () => relay.wake());
      try {
        for (let i = between(ctx.random, 20, 40); i > 0; i -= 1) {
          await events.write(between(ctx.random, 3, 15));
          if (ctx.random() < 0.4) {
            const key = keys[Math.floor(ctx.random() * keys.length)];
            await producer.send({ topic: topicOf(prefix), messages: [{ key, value: poisons[Math.floor(ctx.random() * poisons.length)]() }] });
            poisoned += 1;
          }
        }
      } finally {
        await producer.disconnect();
      }
      await allHandled(writer, reader);
      const problems: string[] = [];
      const at = await waitFor('every offset committed', async () => {
        const p = await positions(ctx.kafka, reader, consumer.groupId, topicOf(prefix));
        return p.committed === p.end ? p : null;
      }, 30_000, 200).catch(() => null);
      if (!at) problems.push('the committed offsets did not reach the end of the partitions');
      const letters = await readWholeTopic(ctx.kafka, dlqTopicOf(topicOf(prefix)));
      if (letters.length !== poisoned) problems.push(`${letters.length} letters for ${poisoned} poison messages`);
      return result(writer, reader, problems);
    },
  },
  {
    id: 'rebalance-storm',
    title: '7 rebalance storm: members of one group joining and leaving while events flow (flaky handlers retry)',
    async run(ctx, cleanup) {
      const { prefix, writer, reader, keys } = await setup(ctx, cleanup, 6);
      const relay = cleanup.add(newRelay(writer, ctx.kafka, between(ctx.random, 20, 200)));
      relay.start();
      const member = () => cleanup.add(recordingConsumer(ctx.kafka, reader, prefix, {
        name: `member-${randomUUID().slice(0, 4)}`, batch: ctx.random() < 0.5, chunkSize: between(ctx.random, 5, 60), flakyRate: 0.02, random: ctx.random,
      }));
      const members: EventConsumer[] = [member()];
      await members[0].start();
      const events = new EventWriter(writer, prefix, keys, ctx.random, () => relay.wake());
      let writing = true;
      const written = events.writeMany(between(ctx.random, 300, 600), between(ctx.random, 3, 15), 20).finally(() => (writing = false));
      for (let i = between(ctx.random, 4, 8); i > 0 && writing; i -= 1) {
        await sleep(between(ctx.random, 200, 1_200));
        if (members.length > 1 && ctx.random() < 0.45) {
          const [leaving] = members.splice(Math.floor(ctx.random() * members.length), 1);
          await leaving.stop();
        } else if (members.length < 4) {
          const joining = member();
          members.push(joining);
          await joining.start();
        }
      }
      await written;
      await allHandled(writer, reader, 120_000);
      return result(writer, reader);
    },
  },
  {
    id: 'redelivery',
    title: "8 the same events redelivered by resetting the group's offsets to 0",
    async run(ctx, cleanup) {
      const { prefix, writer, reader, keys } = await setup(ctx, cleanup);
      await new EventWriter(writer, prefix, keys, ctx.random).writeMany(between(ctx.random, 200, 500), between(ctx.random, 5, 50));
      cleanup.add(newRelay(writer, ctx.kafka)).start();
      const first = recordingConsumer(ctx.kafka, reader, prefix, { batch: ctx.random() < 0.5, chunkSize: between(ctx.random, 10, 200) });
      await first.start();
      await allHandled(writer, reader);
      const problems: string[] = [];
      await waitFor('all committed', async () => {
        const p = await positions(ctx.kafka, reader, first.groupId, topicOf(prefix));
        return p.committed === p.end;
      }, 30_000, 200);
      await first.stop();
      await resetStoredOffsets(ctx.kafka, reader, first.groupId, topicOf(prefix));
      if ((await positions(ctx.kafka, reader, first.groupId, topicOf(prefix))).committed !== 0) problems.push('the reset did not take');
      const again = cleanup.add(recordingConsumer(ctx.kafka, reader, prefix, { batch: ctx.random() < 0.5, chunkSize: between(ctx.random, 10, 200) }));
      await again.start();
      await waitFor('everything read again', async () => {
        const p = await positions(ctx.kafka, reader, again.groupId, topicOf(prefix));
        return p.committed === p.end;
      }, 60_000, 200);
      return result(writer, reader, problems);
    },
  },
  {
    id: 'rebuild',
    title: '9 a reporting rebuild from offset 0 while new events keep arriving',
    async run(ctx, cleanup) {
      const prefix = uniquePrefix(`faults-${ctx.label}`);
      const dbs = databases(ctx.label);
      const { ReportingModule } = await import('../../apps/reporting/src/reporting.module');
      const reporting = await startServiceForTest('reporting', ReportingModule, { database: dbs.reader, topicPrefix: prefix });
      cleanup.add({ stop: () => reporting.close() });
      const writer = cleanup.add(await createTestDataSource(dbs.writer, ['CREATE TABLE sent (event_id uuid PRIMARY KEY, key text NOT NULL, seq integer NOT NULL)']));
      const relay = cleanup.add(newRelay(writer, ctx.kafka));
      relay.start();
      const uow = new UnitOfWork(writer, 'donors', prefix, () => relay.wake());
      const total = between(ctx.random, 150, 400);
      const rebuildAt = between(ctx.random, Math.floor(total * 0.2), Math.floor(total * 0.7));
      const api = () => reporting.api();
      for (let i = 0; i < total; i += 1) {
        if (i === rebuildAt) await api().post('/admin/rebuild').expect(202);
        await uow.run({ actor: 'fault-suite' }, async (tx) => {
          const pledgeId = randomUUID();
          tx.publish(PledgeRecordedV1, pledgeId, { pledgeId, donorId: randomUUID(), donorKind: 'individual', campaignId: null, lines: [{ itemCode: 'bicycle-26', quantity: 1, unitValueVnd: 1_000 }] });
          await tx.manager.query('INSERT INTO sent (event_id, key, seq) VALUES ($1::uuid, $1::text, 1)', [pledgeId]);
        });
        if (ctx.random() < 0.2) await sleep(between(ctx.random, 1, 20));
      }
      const problems: string[] = [];
      await waitFor('the rebuild swapped in', async () => (await api().get('/admin/rebuild').expect(200)).body.activeGeneration === 2, 90_000, 250)
        .catch(() => problems.push('the rebuild was not swapped in'));
      const db = reporting.app.get(DataSource);
      const projected = async () => (await db.query(
        'SELECT pledge_id FROM pledge_lines WHERE generation = (SELECT generation FROM active_generation)')).map((r: { pledge_id: string }) => r.pledge_id);
      await waitFor('every pledge in the active generation', async () => (await projected()).length >= total, 60_000, 250).catch(() => undefined);
      const sent: { event_id: string }[] = await writer.query('SELECT event_id FROM sent');
      const rows = await projected();
      const seen = new Set(rows);
      return { eventsIn: sent.length, handled: seen.size, lost: sent.filter((s) => !seen.has(s.event_id)).length, doubled: rows.length - seen.size, outOfOrder: 0, problems };
    },
  },
  {
    id: 'sigterm',
    title: '10 SIGTERM mid-chunk',
    async run(ctx, cleanup) {
      const { prefix, dbs, writer, reader, keys } = await setup(ctx, cleanup);
      await new EventWriter(writer, prefix, keys, ctx.random).writeMany(between(ctx.random, 200, 400), between(ctx.random, 5, 50));
      cleanup.add(newRelay(writer, ctx.kafka)).start();
      const env = { READER_DB: dbs.reader, TOPIC_PREFIX: prefix, CHUNK_SIZE: String(between(ctx.random, 5, 30)), HANDLER_DELAY_MS: String(between(ctx.random, 10, 40)), BATCH_HANDLER: '0' };
      const victim = cleanup.add(spawnCompiled(PROCESS('fault-consumer.process'), env));
      await waitFor('some handled', async () => (await handledCount(reader)) >= between(ctx.random, 20, 80), 60_000, 20);
      const asked = Date.now();
      victim.kill('SIGTERM');
      const code = await exited(victim);
      const problems: string[] = [];
      if (code !== 0) problems.push(`exit code ${code} after SIGTERM`);
      if (Date.now() - asked > 12_000) problems.push(`took ${Date.now() - asked} ms to stop`);
      const handled = await handledCount(reader);
      const { committed } = await positions(ctx.kafka, reader, `${prefix}giftflow.fault-reader`, topicOf(prefix));
      if (committed !== handled) problems.push(`committed ${committed} offsets for ${handled} handled events: the chunk in flight was not finished and committed`);
      cleanup.add(spawnCompiled(PROCESS('fault-consumer.process'), { ...env, HANDLER_DELAY_MS: '0' }));
      await allHandled(writer, reader);
      return result(writer, reader, problems);
    },
  },
];

export async function dropRunDatabases(label: string): Promise<void> {
  const { writer, reader } = databases(label);
  for (const name of [writer, reader]) {
    const client = new Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => client.end());
  }
}
