import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DonorRegisteredV1 } from '@giftflow/contracts';
import { OutboxRelay, UnitOfWork } from '@giftflow/messaging';
import { uniquePrefix } from '@giftflow/testing';
import { prepareTopics, receivedCounts, writeDonorEvents } from '../../libs/testing/src/fixtures/backbone-fixture';
import { ConsumerVariant, backendCpuMs, cpuSpentMs, log, p99PerSecond, perSecond, progress, settings, startReaderProcess } from './bench-support';

/** Databases of their own per port base, so that benchmarks of two worktrees on one machine do not drop each other's. */
const RUN_SUFFIX = process.env.GIFTFLOW_TEST_PORT_BASE ? `_${Number(process.env.GIFTFLOW_TEST_PORT_BASE)}` : '';
export const WRITER_DB = `giftflow_test_bench_writer${RUN_SUFFIX}`;
export const READER_DB = `giftflow_test_bench_reader${RUN_SUFFIX}`;

/** Events of a run that were never handled, and handled more than once (both must be 0). */
export interface Delivery {
  lost: number;
  doubled: number;
}

export interface LatencyResult extends Delivery {
  /** Each measured event's commit → handled time in ms, ascending (the warm-up's events are not among them). */
  latencies: number[];
  /** The same for the events offered during the warm-up. */
  warmUpLatencies: number[];
  /** The p99 of each second of the warm-up, then of the measured window, by commit time: where a cold start ends. */
  warmUpP99PerSecond: number[];
  measuredP99PerSecond: number[];
  /** The rate the writer actually committed at (below the offer when the machine cannot keep up). */
  committedPerSecond: number;
  /** CPU per event of the writer process (UnitOfWork + relay) and of the writer database's backends, in µs. */
  writerCpuUs: number;
  writerDbCpuUs: number;
}

export interface ThroughputResult extends Delivery {
  commitMs: number;
  publishedMs: number;
  endToEndMs: number;
  /**
   * CPU (user + system) per event of the writer process (UnitOfWork + relay) and of the consumer process, in µs:
   * less at the mercy of a shared machine than rates are.
   */
  writerCpuUs: number;
  consumerCpuUs: number;
  /** CPU per event of the writer database's PostgreSQL backends (UnitOfWork's and the relay's statements), in µs. */
  writerDbCpuUs: number;
  /** CPU per event of the reader database's backends (the consumer's inbox, positions and handler statements), in µs. */
  readerDbCpuUs: number;
}

/**
 * The writer's relay, one for the whole benchmark as a service has one for its life: its producer thread (and the
 * JIT's work on it) outlives a run, as the raw kafkajs producer's code in the benchmark's process does. Started, its
 * producer connected before any clock starts; the caller stops it at the end.
 */
export async function startBenchRelay(kafka: Kafka, writer: DataSource): Promise<OutboxRelay> {
  const relay = new OutboxRelay(writer, kafka, {
    batchSize: settings.relayBatch, wakeLingerMs: settings.relayLingerMs, producerThread: settings.relayProducerThread, roundsPerTransaction: settings.relayRoundsPerTransaction,
  });
  await relay.publishBatch();
  relay.start();
  return relay;
}

/** Fresh topics, an empty `received` and outbox, the reader process joined. */
async function stage(kafka: Kafka, writer: DataSource, reader: DataSource, label: string, { concurrency, batch }: ConsumerVariant) {
  const prefix = uniquePrefix(label);
  await prepareTopics(kafka, prefix, settings.partitions);
  await reader.query('TRUNCATE received, inbox');
  // The writer's outbox too: its sent rows' dead index entries would otherwise pile up run after run where autovacuum
  // is off (as on the machine of BENCHMARKS.md), and every claim of a later run would walk them.
  await writer.query('TRUNCATE outbox');
  const consumer = await startReaderProcess(kafka, {
    READER_DB, TOPIC_PREFIX: prefix, CHUNK_SIZE: String(settings.chunkSize), PARTITIONS_CONCURRENTLY: String(concurrency), BATCH_HANDLER: batch ? '1' : '',
  }, `${prefix}giftflow.reader`);
  return { prefix, consumer };
}

/**
 * After the consumer has stopped (so a late redelivery would have landed): how many of `ids` were never handled,
 * and how many handlings were one too many (a second row of an event, or a row of no event we committed).
 */
async function countDelivery(reader: DataSource, ids: string[]): Promise<Delivery> {
  const counts = await receivedCounts(reader);
  const [{ matching }] = await reader.query('SELECT count(DISTINCT event_id)::int AS matching FROM received WHERE event_id = ANY($1::uuid[])', [ids]);
  const delivery = { lost: ids.length - matching, doubled: counts.rows - matching };
  if (delivery.lost || delivery.doubled) log(`LOST ${delivery.lost}, DOUBLED ${delivery.doubled}: ${ids.length} committed, ${counts.rows} handled (${counts.distinct} distinct, ${matching} of ours)`);
  return delivery;
}

/** Waits until the consumer reports `total` handled; a run that never gets there is counted (lost), not thrown. */
async function allHandled(what: string, total: number, consumer: { handled(): number }): Promise<void> {
  await progress(what, total, async () => consumer.handled(), 60_000).catch((error: Error) => log(`${what}: ${error.message}`));
}

const epochMs = async (db: DataSource, sql: string): Promise<number> => Number((await db.query(sql))[0].at);

/** `events` committed in transactions of `perTransaction`, relayed, handled: first commit → last handled. */
export async function backboneThroughput(kafka: Kafka, writer: DataSource, reader: DataSource, relay: OutboxRelay, variant: ConsumerVariant): Promise<ThroughputResult> {
  const { consumer, prefix } = await stage(kafka, writer, reader, 'bench-throughput', variant);
  let ids: string[];
  let warmUpIds: string[];
  let timing: Omit<ThroughputResult, keyof Delivery>;
  try {
    // Warm: the consumer process and the relay handle `throughputWarmUp` events before the clock starts.
    warmUpIds = await writeDonorEvents(writer, prefix, settings.throughputWarmUp, settings.perTransaction, () => relay.wake());
    await allHandled('warm-up handled', warmUpIds.length, consumer);
    const consumerCpuBefore = consumer.cpuMs();
    const writerCpuBefore = process.cpuUsage();
    const writerDbBefore = await backendCpuMs(writer, WRITER_DB);
    const readerDbBefore = await backendCpuMs(reader, READER_DB);
    const start = Date.now();
    ids = await writeDonorEvents(writer, prefix, settings.events, settings.perTransaction, () => relay.wake());
    const commitMs = Date.now() - start;
    log(`backbone: committed ${ids.length} in ${commitMs} ms (${perSecond(ids.length, commitMs)}/s)`);
    await allHandled('backbone handled', warmUpIds.length + ids.length, consumer);
    const handledAt = await epochMs(reader, 'SELECT extract(epoch FROM max(handled_at)) * 1000 AS at FROM received');
    const publishedAt = await epochMs(writer, `SELECT extract(epoch FROM max(published_at)) * 1000 AS at FROM outbox WHERE topic LIKE '${prefix}%'`);
    const writerCpu = process.cpuUsage(writerCpuBefore);
    const writerDbMs = cpuSpentMs(writerDbBefore, await backendCpuMs(writer, WRITER_DB));
    const readerDbMs = cpuSpentMs(readerDbBefore, await backendCpuMs(reader, READER_DB)); // before the consumer's connections close
    timing = {
      commitMs, publishedMs: publishedAt - start, endToEndMs: handledAt - start,
      writerCpuUs: Math.round((writerCpu.user + writerCpu.system) / ids.length),
      consumerCpuUs: Math.round(((consumer.cpuMs() - consumerCpuBefore) * 1000) / ids.length),
      writerDbCpuUs: Math.round((writerDbMs * 1000) / ids.length),
      readerDbCpuUs: Math.round((readerDbMs * 1000) / ids.length),
    };
  } finally {
    await consumer.stop();
  }
  return { ...timing, ...(await countDelivery(reader, [...warmUpIds, ...ids])) };
}

/**
 * One event per transaction, offered at `offeredRate` per second on a fixed schedule (open loop: a slow
 * backbone does not slow the offer down), `warmUpSeconds` first and then `latencySeconds` measured. Latency =
 * consumer's clock_timestamp() at the insert − the moment the producer saw its commit.
 */
export async function backboneLatency(kafka: Kafka, writer: DataSource, reader: DataSource, relay: OutboxRelay, variant: ConsumerVariant): Promise<LatencyResult> {
  const { consumer, prefix } = await stage(kafka, writer, reader, 'bench-latency', variant);
  const uow = new UnitOfWork(writer, 'donors', prefix, () => relay.wake());
  const committedAt = new Map<string, number>();
  const warmUpIds = new Set<string>();
  const warmUp = settings.offeredRate * settings.warmUpSeconds;
  const total = warmUp + settings.offeredRate * settings.latencySeconds;
  const tickMs = 10;
  const perTick = (settings.offeredRate * tickMs) / 1000;
  let committedPerSecond: number;
  let cpu: Pick<LatencyResult, 'writerCpuUs' | 'writerDbCpuUs'>;
  try {
    const writes: Promise<void>[] = [];
    const writerCpuBefore = process.cpuUsage();
    const writerDbBefore = await backendCpuMs(writer, WRITER_DB);
    const start = Date.now();
    for (let sent = 0, tick = 0; sent < total; tick += 1) {
      const wait = start + tick * tickMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      for (let i = 0; i < perTick && sent < total; i += 1, sent += 1) {
        const donorId = randomUUID();
        const warming = sent < warmUp;
        writes.push(uow.run({ actor: 'bench' }, async (tx) => tx.publish(DonorRegisteredV1, donorId, { donorId, kind: 'individual' }).id)
          .then((id) => {
            committedAt.set(id, Date.now());
            if (warming) warmUpIds.add(id);
          }));
      }
      if (tick > 0 && tick % 200 === 0) log(`latency: offered ${sent}/${total}`);
    }
    await Promise.all(writes);
    const offeredMs = Date.now() - start;
    committedPerSecond = perSecond(total, offeredMs);
    log(`latency: committed ${total} in ${offeredMs} ms (${committedPerSecond}/s)`);
    await allHandled('latency handled', total, consumer);
    const writerCpu = process.cpuUsage(writerCpuBefore);
    const writerDbMs = cpuSpentMs(writerDbBefore, await backendCpuMs(writer, WRITER_DB));
    cpu = { writerCpuUs: Math.round((writerCpu.user + writerCpu.system) / total), writerDbCpuUs: Math.round((writerDbMs * 1000) / total) };
  } finally {
    await consumer.stop();
  }
  const delivery = await countDelivery(reader, [...committedAt.keys()]);
  const rows: { event_id: string; at: number }[] = await reader.query('SELECT DISTINCT ON (event_id) event_id, extract(epoch FROM handled_at) * 1000 AS at FROM received ORDER BY event_id, handled_at');
  const latencyOf = (r: { event_id: string; at: number }) => Number(r.at) - committedAt.get(r.event_id)!;
  const ours = rows.filter((r) => committedAt.has(r.event_id));
  const measured = ours.filter((r) => !warmUpIds.has(r.event_id));
  const warming = ours.filter((r) => warmUpIds.has(r.event_id));
  const latencies = measured.map(latencyOf).sort((a, b) => a - b);
  const warmUpLatencies = warming.map(latencyOf).sort((a, b) => a - b);
  const byCommit = (some: typeof ours) => p99PerSecond(some.map((r): [number, number] => [committedAt.get(r.event_id)!, latencyOf(r)]));
  return {
    latencies, warmUpLatencies, warmUpP99PerSecond: byCommit(warming), measuredP99PerSecond: byCommit(measured), committedPerSecond, ...cpu, ...delivery,
  };
}
