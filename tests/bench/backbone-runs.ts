import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DonorRegisteredV1 } from '@giftflow/contracts';
import { OutboxRelay, UnitOfWork } from '@giftflow/messaging';
import { uniquePrefix } from '@giftflow/testing';
import { prepareTopics, receivedCounts, writeDonorEvents } from '../../libs/testing/src/fixtures/backbone-fixture';
import { ConsumerVariant, log, perSecond, progress, settings, startReaderProcess } from './bench-support';

export const READER_DB = 'giftflow_test_bench_reader';

export interface LatencyResult {
  /** Each event's commit → handled time in ms, ascending. */
  latencies: number[];
  /** The rate the writer actually committed at (below the offer when the machine cannot keep up). */
  committedPerSecond: number;
}

export interface ThroughputResult {
  commitMs: number;
  publishedMs: number;
  endToEndMs: number;
}

/** Fresh topics, an empty `received`, the reader process joined and the relay's producer connected. */
async function stage(kafka: Kafka, writer: DataSource, reader: DataSource, label: string, { concurrency, batch }: ConsumerVariant) {
  const prefix = uniquePrefix(label);
  await prepareTopics(kafka, prefix, settings.partitions);
  await reader.query('TRUNCATE received, inbox');
  const consumer = await startReaderProcess(kafka, {
    READER_DB, TOPIC_PREFIX: prefix, CHUNK_SIZE: String(settings.chunkSize), PARTITIONS_CONCURRENTLY: String(concurrency), BATCH_HANDLER: batch ? '1' : '',
  }, `${prefix}giftflow.reader`);
  const relay = new OutboxRelay(writer, kafka, { batchSize: settings.relayBatch });
  await relay.publishBatch(); // connects the producer before the clock starts
  relay.start();
  return { prefix, relay, consumer };
}

/** After the consumer has stopped (so a late redelivery would have landed): exactly `ids`, each once. */
async function verifyHandledOnce(reader: DataSource, ids: string[]): Promise<void> {
  const counts = await receivedCounts(reader);
  const [{ matching }] = await reader.query('SELECT count(DISTINCT event_id)::int AS matching FROM received WHERE event_id = ANY($1::uuid[])', [ids]);
  if (counts.rows !== ids.length || counts.distinct !== ids.length || matching !== ids.length) {
    throw new Error(`lost or duplicated events: ${ids.length} committed, ${counts.rows} handled (${counts.distinct} distinct, ${matching} of ours)`);
  }
}

const epochMs = async (db: DataSource, sql: string): Promise<number> => Number((await db.query(sql))[0].at);

/** `events` committed in transactions of `perTransaction`, relayed, handled: first commit → last handled. */
export async function backboneThroughput(kafka: Kafka, writer: DataSource, reader: DataSource, variant: ConsumerVariant): Promise<ThroughputResult> {
  const { relay, consumer, prefix } = await stage(kafka, writer, reader, 'bench-throughput', variant);
  let ids: string[];
  let result: ThroughputResult;
  try {
    const start = Date.now();
    ids = await writeDonorEvents(writer, prefix, settings.events, settings.perTransaction, () => relay.wake());
    const commitMs = Date.now() - start;
    log(`backbone: committed ${ids.length} in ${commitMs} ms (${perSecond(ids.length, commitMs)}/s)`);
    await progress('backbone handled', ids.length, async () => consumer.handled());
    const handledAt = await epochMs(reader, 'SELECT extract(epoch FROM max(handled_at)) * 1000 AS at FROM received');
    const publishedAt = await epochMs(writer, `SELECT extract(epoch FROM max(published_at)) * 1000 AS at FROM outbox WHERE topic LIKE '${prefix}%'`);
    result = { commitMs, publishedMs: publishedAt - start, endToEndMs: handledAt - start };
  } finally {
    await consumer.stop();
    await relay.stop();
  }
  await verifyHandledOnce(reader, ids);
  return result;
}

/**
 * One event per transaction, offered at `offeredRate` per second on a fixed schedule (open loop: a slow
 * backbone does not slow the offer down). Latency = consumer's clock_timestamp() at the insert − the
 * moment the producer saw its commit.
 */
export async function backboneLatency(kafka: Kafka, writer: DataSource, reader: DataSource, variant: ConsumerVariant): Promise<LatencyResult> {
  const { relay, consumer, prefix } = await stage(kafka, writer, reader, 'bench-latency', variant);
  const uow = new UnitOfWork(writer, 'donors', prefix, () => relay.wake());
  const committedAt = new Map<string, number>();
  const total = settings.offeredRate * settings.latencySeconds;
  const tickMs = 10;
  const perTick = (settings.offeredRate * tickMs) / 1000;
  let committedPerSecond: number;
  try {
    const writes: Promise<void>[] = [];
    const start = Date.now();
    for (let sent = 0, tick = 0; sent < total; tick += 1) {
      const wait = start + tick * tickMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      for (let i = 0; i < perTick && sent < total; i += 1, sent += 1) {
        const donorId = randomUUID();
        writes.push(uow.run({ actor: 'bench' }, async (tx) => tx.publish(DonorRegisteredV1, donorId, { donorId, kind: 'individual' }).id)
          .then((id) => void committedAt.set(id, Date.now())));
      }
      if (tick > 0 && tick % 200 === 0) log(`latency: offered ${sent}/${total}`);
    }
    await Promise.all(writes);
    const offeredMs = Date.now() - start;
    committedPerSecond = perSecond(total, offeredMs);
    log(`latency: committed ${total} in ${offeredMs} ms (${committedPerSecond}/s)`);
    await progress('latency handled', total, async () => consumer.handled());
  } finally {
    await consumer.stop();
    await relay.stop();
  }
  await verifyHandledOnce(reader, [...committedAt.keys()]);
  const rows: { event_id: string; at: number }[] = await reader.query('SELECT event_id, extract(epoch FROM handled_at) * 1000 AS at FROM received');
  const latencies = rows.map((r) => Number(r.at) - committedAt.get(r.event_id)!).sort((a, b) => a - b);
  return { latencies, committedPerSecond };
}
