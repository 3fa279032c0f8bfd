import { ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DEFAULT_PARTITIONS_CONCURRENTLY } from '@giftflow/messaging';
import { exited, waitFor } from '@giftflow/testing';

/** Knobs of one benchmark run; every one can be overridden from the environment for profiling. */
export const settings = {
  events: Number(process.env.BENCH_EVENTS ?? 20_000),
  /** Events per UnitOfWork transaction in the throughput run, as a bulk import would commit them. */
  perTransaction: Number(process.env.BENCH_PER_TRANSACTION ?? 500),
  /** Messages per kafkajs sendBatch in the raw baseline: the relay's default batch. */
  rawBatch: Number(process.env.BENCH_RAW_BATCH ?? 1_000),
  partitions: Number(process.env.BENCH_PARTITIONS ?? 6),
  /** The consumer's default chunk (services run with it). */
  chunkSize: Number(process.env.BENCH_CHUNK_SIZE ?? 500),
  /**
   * The backbone runs once per consumer variant: the number is its partitionsConsumedConcurrently (3, the default
   * services run with; `BENCH_VARIANTS=3,1,3b` adds one partition at a time), a trailing `b` a batch handler
   * (`onEach`: one multi-row INSERT per chunk, as a read model writes) instead of one INSERT per event. The JSON
   * line's `perEvent` and `batch` are the first variant of each kind.
   */
  variants: (process.env.BENCH_VARIANTS ?? `${DEFAULT_PARTITIONS_CONCURRENTLY},${DEFAULT_PARTITIONS_CONCURRENTLY}b`).split(',').map((v) => ({ concurrency: parseInt(v, 10), batch: v.endsWith('b') })),
  relayBatch: Number(process.env.BENCH_RELAY_BATCH ?? 1_000),
  /** The relay's producer on its thread (the default), or with `BENCH_RELAY_THREAD=0` on the thread that commits. */
  relayProducerThread: process.env.BENCH_RELAY_THREAD !== '0',
  /** The relay's roundsPerTransaction (its default when unset; 1: one round at a time, as before issue #7's seventh round). */
  relayRoundsPerTransaction: process.env.BENCH_RELAY_ROUNDS ? Number(process.env.BENCH_RELAY_ROUNDS) : undefined,
  /** The relay's wakeLingerMs (its default when unset). */
  relayLingerMs: process.env.BENCH_RELAY_LINGER_MS ? Number(process.env.BENCH_RELAY_LINGER_MS) : undefined,
  offeredRate: Number(process.env.BENCH_RATE ?? 1_000),
  latencySeconds: Number(process.env.BENCH_LATENCY_SECONDS ?? 10),
  /**
   * Seconds offered at the same rate before the measured ones: the consumer process is new and the first seconds pay
   * for its JIT compilation, the fresh topics' first fetches and the throughput run's autovacuum. On the VM of issue
   * #7's fifth round that lasted up to 4.5 s (per-second p99s in BENCHMARKS.md), hence 5. Its events are still counted
   * for lost and doubled, and its p99 and each second's p99 are printed beside the measured ones.
   */
  warmUpSeconds: Number(process.env.BENCH_WARM_UP_SECONDS ?? 5),
  /**
   * Rounds of raw kafkajs and the throughput runs, taken in turn (raw, then each variant, then raw again…); ratios are
   * those of each round and the verdict is their median. One raw run lasts about a second and moved ±20 % from one
   * to the next on the VMs of issue #7 (BENCHMARKS.md, fifth and sixth rounds): one round decided by luck.
   */
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  /**
   * Events committed and handled before a throughput run's clock starts. Its consumer process is new (JIT, first
   * fetches), while raw kafkajs runs in the benchmark's own process, warmed by a run that is not counted: without it,
   * one side was measured cold and the other warm (BENCHMARKS.md, sixth round).
   */
  throughputWarmUp: Number(process.env.BENCH_THROUGHPUT_WARM_UP ?? 4_000),
};

export const log = (line: string) => console.log(`[bench] ${new Date().toISOString().slice(11, 19)} ${line}`);
export const perSecond = (n: number, ms: number) => Math.round((n * 1000) / ms);

/** Nearest-rank percentile of ascending values. */
export const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

/** The item whose `value` is the median (nearest rank: the lower middle of an even count); `items` is left as it is. */
export function medianBy<T>(items: readonly T[], value: (item: T) => number): T {
  if (items.length === 0) throw new Error('no median of nothing');
  const sorted = [...items].sort((a, b) => value(a) - value(b));
  return sorted[Math.max(0, Math.ceil(sorted.length / 2) - 1)];
}

/** The p99 of each whole second of `samples` ([moment in ms, value]), counted from the first moment, in order. */
export function p99PerSecond(samples: [number, number][]): number[] {
  const first = samples.reduce((min, [at]) => Math.min(min, at), Infinity);
  const seconds: number[][] = [];
  for (const [at, value] of samples) (seconds[Math.floor((at - first) / 1000)] ??= []).push(value);
  // flatMap skips the holes: seconds with no sample.
  return seconds.flatMap((values) => [Math.round(percentile(values.sort((a, b) => a - b), 99))]);
}

/** Waits until `probe` reaches `total`, printing progress every 2 s. */
export async function progress(what: string, total: number, probe: () => Promise<number>, timeoutMs = 300_000): Promise<void> {
  const timer = setInterval(() => void probe().then((n) => log(`${what}: ${n}/${total}`), () => undefined), 2_000);
  try {
    await waitFor(what, async () => (await probe()) >= total, timeoutMs, 20);
  } finally {
    clearInterval(timer);
  }
}

/** Waits until a consumer group has joined and been given its partitions, so no run times a rebalance. */
export async function groupJoined(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitFor(`consumer group ${groupId} to be stable`, async () => (await admin.describeGroups([groupId])).groups[0]?.state === 'Stable', 60_000, 100);
  } finally {
    await admin.disconnect();
  }
}

export interface ReaderProcess {
  /** Events its consumer has handled (committed) so far, as it last reported. */
  handled(): number;
  /** CPU time (user + system) the process had used when it last reported, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/**
 * The consuming service as a process of its own, as in production: the writer, its relay and the
 * reader do not share one event loop. Forked with this process's `-r tsconfig-paths/register`.
 */
export async function startReaderProcess(kafka: Kafka, env: Record<string, string>, groupId: string): Promise<ReaderProcess> {
  const child: ChildProcess = fork(join(__dirname, 'reader.process.js'), [], { env: { ...process.env, ...env }, stdio: 'inherit' });
  let handled = 0;
  let cpuMs = 0;
  child.on('message', (message: { handled: number; cpuMs: number }) => {
    handled = message.handled;
    cpuMs = message.cpuMs;
  });
  let joined = false;
  const died = exited(child).then((code) => {
    if (!joined) throw new Error(`the reader process exited (${code}) before its consumer joined`);
  });
  died.catch(() => undefined); // observed by the race below; later exits are stop()'s business
  try {
    await Promise.race([groupJoined(kafka, groupId), died]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  joined = true;
  return {
    handled: () => handled,
    cpuMs: () => cpuMs,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited(child);
    },
  };
}

export type ConsumerVariant = (typeof settings.variants)[number];
export const describeVariant = ({ concurrency, batch }: ConsumerVariant) =>
  `${concurrency} partition${concurrency === 1 ? '' : 's'} at a time${concurrency === DEFAULT_PARTITIONS_CONCURRENTLY ? ' (default)' : ''}, ${batch ? 'batch handler' : 'one INSERT per event'}`;

/** CPU time (user + system, ms) a process of this machine has used so far, from /proc/<pid>/stat; 0 once it is gone. */
export function cpuMsOf(pid: number | undefined): number {
  try {
    // Fields 14 and 15 (utime, stime) in clock ticks of 10 ms, after the command in parentheses.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** cpuMsOf for each of these processes (e.g. PostgreSQL backends, by their pids in pg_stat_activity). */
export const cpuMsOfEach = (pids: number[]): Map<number, number> => new Map(pids.map((pid) => [pid, cpuMsOf(pid)]));

/**
 * CPU the PostgreSQL backends of `database` have used so far, per backend pid, in ms (the server runs on this
 * machine). Backends of a pool live through a run, so the difference of two readings (cpuSpentMs) is the database's
 * CPU for what happened between them.
 */
export async function backendCpuMs(db: DataSource, database: string): Promise<Map<number, number>> {
  const rows: { pid: number }[] = await db.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
  return cpuMsOfEach(rows.map((r) => r.pid));
}

/** The CPU ms processes used between two readings (one new since the first counts whole; one that ended, up to its last reading). */
export function cpuSpentMs(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
  return ms;
}
