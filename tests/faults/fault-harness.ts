import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DonorRegisteredV1, TOPICS, dlqTopicOf } from '@giftflow/contracts';
import { EventConsumer, EventConsumerOptions, OutboxRelay, UnitOfWork, ensureTopics, on, onEach } from '@giftflow/messaging';
import { createTestDataSource } from '@giftflow/testing';

/**
 * The miniature the fault scenarios run on (docs/backbone.md, "The fault suite"): a writer database whose
 * transactions publish DonorRegistered events keyed by a few aggregate keys and record, in the same transaction,
 * each event's key and its sequence number within the key (`sent`); a reader database whose consumers record each
 * event they handle, in handling order (`received`, no unique key: a duplicate shows as a second row).
 */
export const SENT_TABLE = 'CREATE TABLE sent (event_id uuid PRIMARY KEY, key text NOT NULL, seq integer NOT NULL)';
export const RECEIVED_TABLE = `CREATE TABLE received (n bigserial PRIMARY KEY, event_id uuid NOT NULL, key text NOT NULL, consumer text NOT NULL)`;
export const KILL_MARK_TABLE = 'CREATE TABLE kill_mark (topic text, partition int, last_offset bigint, event_ids uuid[])';

export const topicOf = (prefix: string) => prefix + TOPICS.donors;

export async function prepareRun(kafka: Kafka, prefix: string, databases: { writer: string; reader: string }, partitions: number) {
  await ensureTopics(kafka, [topicOf(prefix), dlqTopicOf(topicOf(prefix))], partitions);
  const writer = await createTestDataSource(databases.writer, [SENT_TABLE]);
  const reader = await createTestDataSource(databases.reader, [RECEIVED_TABLE, KILL_MARK_TABLE]);
  return { writer, reader };
}

/** Writes events: each transaction publishes `perTransaction` events for random keys, in per-key order. */
export class EventWriter {
  private readonly seq = new Map<string, number>();
  private readonly uow: UnitOfWork;

  constructor(dataSource: DataSource, prefix: string, readonly keys: string[], private readonly random: () => number, onCommitted?: () => void) {
    this.uow = new UnitOfWork(dataSource, 'donors', prefix, onCommitted);
  }

  /** One transaction; `beforeCommit` runs after its outbox rows are written (their ids taken), before it commits. */
  async write(perTransaction: number, beforeCommit?: () => Promise<void>): Promise<void> {
    await this.uow.run({ actor: 'fault-suite' }, async (tx) => {
      const rows: [string, string, number][] = [];
      for (let i = 0; i < perTransaction; i += 1) {
        const key = this.keys[Math.floor(this.random() * this.keys.length)];
        const seq = (this.seq.get(key) ?? 0) + 1;
        this.seq.set(key, seq);
        const donorId = randomUUID();
        rows.push([tx.publish(DonorRegisteredV1, key, { donorId, kind: 'individual' }).id, key, seq]);
      }
      await tx.manager.query('INSERT INTO sent (event_id, key, seq) SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[])',
        [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])]);
      if (beforeCommit) {
        await tx.flush();
        await beforeCommit();
      }
    });
  }

  /** Writes until `count` events committed or `until()` says stop; a failed transaction (a fault) is retried. */
  async writeMany(count: number, perTransaction: number, pauseMs = 0, until: () => boolean = () => false): Promise<number> {
    let written = 0;
    while (written < count && !until()) {
      const n = Math.min(perTransaction, count - written);
      try {
        await this.write(n);
        written += n;
      } catch {
        await new Promise((r) => setTimeout(r, 50)); // the fault hit this transaction: try again
      }
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
    }
    return written;
  }
}

export const keysFor = (count: number) => Array.from({ length: count }, () => randomUUID());

/** A consumer that records every event it handles; per-event or batch handler, optionally flaky (throws first attempts). */
export function recordingConsumer(
  kafka: Kafka,
  reader: DataSource,
  prefix: string,
  options: { name?: string; batch?: boolean; chunkSize?: number; handlerDelayMs?: number; flakyRate?: number; random?: () => number } & Partial<EventConsumerOptions> = {},
): EventConsumer {
  const { name = 'fault-reader', batch = false, chunkSize = 100, handlerDelayMs = 0, flakyRate = 0, random = Math.random, ...rest } = options;
  const failedOnce = new Set<string>();
  const flaky = (id: string) => {
    if (flakyRate > 0 && !failedOnce.has(id) && random() < flakyRate) {
      failedOnce.add(id);
      throw new Error('flaky handler: fails this event once');
    }
  };
  const record = async (events: { id: string; aggregateId: string }[], tx: { manager: { query: (sql: string, p: unknown[]) => Promise<unknown> } }) => {
    if (handlerDelayMs) await new Promise((r) => setTimeout(r, handlerDelayMs));
    for (const e of events) flaky(e.id);
    await tx.manager.query('INSERT INTO received (event_id, key, consumer) SELECT e, k, $3 FROM unnest($1::uuid[], $2::text[]) AS u(e, k)',
      [events.map((e) => e.id), events.map((e) => e.aggregateId), name]);
  };
  return new EventConsumer(kafka, reader, {
    name: 'fault-reader', // one inbox and one group for every member of the group
    source: null,
    topics: [topicOf(prefix)],
    topicPrefix: prefix,
    chunkSize,
    maxAttempts: 10,
    retryBackoffMs: 20,
    infrastructureBackoffMs: { initial: 100, max: 1_000 },
    restartBackoffMs: { initial: 500, max: 2_000 },
    subscriptions: [batch ? onEach(DonorRegisteredV1, (events, tx) => record(events, tx)) : on(DonorRegisteredV1, (event, tx) => record([event], tx))],
    ...rest,
  });
}

export const newRelay = (writer: DataSource, kafka: Kafka, batchSize = 500, afterSend?: () => void) =>
  new OutboxRelay(writer, kafka, { pollIntervalMs: 50, batchSize, afterSend, drainTimeoutMs: 3_000 });

export interface Verdict {
  eventsIn: number;
  handled: number;
  lost: number;
  doubled: number;
  outOfOrder: number;
}

/** Compares what committed in the writer with what the readers handled: lost, doubled, out of order per key. */
export async function verdict(writer: DataSource, reader: DataSource): Promise<Verdict> {
  const sent: { event_id: string; key: string; seq: number }[] = await writer.query('SELECT event_id, key, seq FROM sent');
  const received: { event_id: string }[] = await reader.query('SELECT event_id FROM received ORDER BY n');
  const bySent = new Map(sent.map((s) => [s.event_id, s]));
  const seen = new Set<string>();
  let doubled = 0;
  let outOfOrder = 0;
  const lastSeq = new Map<string, number>();
  for (const { event_id: id } of received) {
    if (seen.has(id)) {
      doubled += 1;
      continue;
    }
    seen.add(id);
    const s = bySent.get(id);
    if (!s) continue;
    if ((lastSeq.get(s.key) ?? 0) > s.seq) outOfOrder += 1;
    else lastSeq.set(s.key, s.seq);
  }
  const lost = sent.filter((s) => !seen.has(s.event_id)).length;
  return { eventsIn: sent.length, handled: seen.size, lost, doubled, outOfOrder };
}

export async function handledCount(reader: DataSource): Promise<number> {
  const [{ n }] = await reader.query('SELECT count(DISTINCT event_id)::int AS n FROM received');
  return n;
}

export async function sentCount(writer: DataSource): Promise<number> {
  const [{ n }] = await writer.query('SELECT count(*)::int AS n FROM sent');
  return n;
}

// The seeded generator (mulberry32) lives in libs/testing; fault-suite.ts takes it from here, so a failing run can be repeated with its seed.
export { seededRandom } from '@giftflow/testing';

export const between = (random: () => number, min: number, max: number) => Math.floor(min + random() * (max - min + 1));
