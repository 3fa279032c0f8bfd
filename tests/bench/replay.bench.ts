// `npm run bench:replay`: replays a province's year into a new reporting generation, as POST /admin/rebuild does,
// and times a half-year summary over it. See BENCHMARKS.md ("The reporting replay").
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Kafka, Message, Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { parseEvent, topicName } from '@giftflow/contracts';
import { ensureTopics } from '@giftflow/messaging';
import { exited, recreateTestDatabase, testBearer, testDatabaseUrl, testKafka, uniquePrefix, waitFor } from '@giftflow/testing';
import { cpuMsOf, cpuMsOfEach, cpuSpentMs, log, percentile, perSecond } from './bench-support';
import { provinceYear } from './province-year.generator';

const settings = {
  events: Number(process.env.BENCH_REPLAY_EVENTS ?? 1_000_000),
  partitions: Number(process.env.BENCH_PARTITIONS ?? 6),
  queries: Number(process.env.BENCH_SUMMARY_QUERIES ?? 20),
  port: Number(process.env.GIFTFLOW_TEST_PORT_BASE ?? 27000) + 4,
  produceBatch: 5_000,
};
const YEAR = 2026;
// Per port base, so two helpers' runs on one machine do not recreate each other's database.
const DATABASE = `giftflow_test_bench_replay_${settings.port - 4}`;
const TOPICS = ['donors', 'inventory', 'beneficiaries'] as const;

async function main(): Promise<void> {
  const prefix = uniquePrefix('bench-replay');
  const kafka = testKafka('giftflow-bench-replay');
  log(`replay benchmark: ${settings.events} events on ${TOPICS.length} topics × ${settings.partitions} partitions (prefix ${prefix})`);
  await ensureTopics(kafka, TOPICS.map((t) => topicName(t, prefix)), settings.partitions);

  // 1. reporting as a process, as in production; its first generation consumes the stream live while it is produced.
  await recreateTestDatabase(DATABASE);
  // As `npm start` runs it (scripts/apps.ts), from the repository root.
  // BENCH_REPORTING_NODE_ARGS: extra node flags for reporting, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
  const nodeArgs = (process.env.BENCH_REPORTING_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const app = spawn(process.execPath, [...nodeArgs, '-r', 'tsconfig-paths/register', 'dist/apps/reporting/src/main.js'], {
    env: { ...process.env, TS_NODE_BASEURL: './dist', PORT: String(settings.port), REPORTING_DATABASE: DATABASE, KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_PARTITIONS: String(settings.partitions) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${settings.port}`;
  const died = exited(app).then((code) => { throw new Error(`reporting exited (${code})`); });
  died.catch(() => undefined);
  try {
    await Promise.race([waitFor('reporting to answer', async () => (await fetch(`${url}/health`).catch(() => null))?.ok ?? false, 120_000, 250), died]);

    // 2. The stream: a province's year, produced in batches (a sample checked against the contracts).
    const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const produceStarted = Date.now();
    const counts = new Map<string, number>();
    let batch: Map<string, Message[]> = new Map();
    let inBatch = 0;
    let produced = 0;
    const flush = async () => {
      if (inBatch === 0) return;
      await producer.sendBatch({ acks: -1, topicMessages: [...batch].map(([topic, messages]) => ({ topic, messages })) });
      produced += inBatch;
      batch = new Map();
      inBatch = 0;
      if (produced % 100_000 < settings.produceBatch) log(`produced ${produced}/${settings.events}`);
    };
    for (const event of provinceYear(settings.events, YEAR)) {
      if (produced + inBatch < 2_000) {
        const parsed = parseEvent(JSON.parse(JSON.stringify(event)));
        if (!parsed.ok) throw new Error(`generated ${event.type} breaks its contract: ${parsed.reason}`);
      }
      counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
      const topic = topicName(event.source, prefix);
      const list = batch.get(topic) ?? [];
      list.push({ key: event.aggregateId, value: JSON.stringify(event) });
      batch.set(topic, list);
      inBatch += 1;
      if (inBatch >= settings.produceBatch) await flush();
    }
    await flush();
    await producer.disconnect();
    log(`produced ${produced} events in ${((Date.now() - produceStarted) / 1000).toFixed(1)} s: ${[...counts].map(([t, n]) => `${t} ${n}`).join(', ')}`);

    const db = new Client({ connectionString: testDatabaseUrl(DATABASE) });
    await db.connect();
    try {
      const first = await replayed(db, url, 1, died);
      log(`generation 1 (consumed live while produced): caught up ${first.seconds.toFixed(1)} s after it started`);

      // 3. The rebuild: POST /admin/rebuild replays everything into generation 2, then swaps.
      const rssBefore = rssMb(app);
      const cpuBefore = { reporting: cpuMsOf(app.pid), backends: await backendCpuMs(db) };
      // reporting's pool closes idle connections, and a backend's CPU is lost with it: read them every second, keep the last.
      const backendsSeen = new Map(cpuBefore.backends);
      const see = (now: Map<number, number>) => now.forEach((ms, pid) => backendsSeen.set(pid, Math.max(ms, backendsSeen.get(pid) ?? 0)));
      const sampler = setInterval(() => void backendCpuMs(db).then(see, () => undefined), 1_000);
      const started = await fetch(`${url}/admin/rebuild`, { method: 'POST', ...(await asAdmin()) });
      if (started.status !== 202) throw new Error(`POST /admin/rebuild answered ${started.status}`);
      const rebuild = await replayed(db, url, 2, died);
      const peakRssMb = peakRss(app);
      // CPU per event moves far less with the machine's load than events/s: what the replay costs, not how fast it got it.
      clearInterval(sampler);
      see(await backendCpuMs(db));
      const cpu = { reporting: cpuMsOf(app.pid) - cpuBefore.reporting, backends: cpuSpentMs(cpuBefore.backends, backendsSeen) };
      const usPerEvent = (ms: number) => Math.round((ms * 1000) / rebuild.events);
      log(`rebuild (generation 2): ${rebuild.events} events in ${rebuild.seconds.toFixed(1)} s = ${rebuild.eventsPerSecond} events/s; `
        + `reporting RSS ${rssBefore} MB before, peak ${peakRssMb} MB; CPU per event: reporting ${usPerEvent(cpu.reporting)} µs, `
        + `its PostgreSQL backends ${usPerEvent(cpu.backends)} µs`);
      // The same topics read by plain kafkajs in the same run, for scale on a machine whose load moves: a new group,
      // eachBatch that only counts (reporting's fetch settings), timed from joining its group to the last batch.
      const raw = await rawConsume(kafka, TOPICS.map((t) => topicName(t, prefix)), rebuild.events);
      log(`raw kafkajs, same topics: ${raw.eventsPerSecond} events/s (${raw.seconds.toFixed(1)} s); `
        + `the rebuild ran at ${(rebuild.eventsPerSecond / raw.eventsPerSecond).toFixed(2)} of it`);
      const [{ facts }] = (await db.query(`SELECT (SELECT count(*) FROM delivered_lots_g2) + (SELECT count(*) FROM requested_lines_g2) AS facts`)).rows;
      log(`generation 2 holds ${facts} delivered and requested lines; ${await deadLettered(kafka, prefix)} events dead-lettered`);

      // 4. The half-year summary with every breakdown, over that data.
      const times: number[] = [];
      let last: { totals: Record<string, unknown> } | null = null;
      for (let i = 0; i < settings.queries; i += 1) {
        const t = performance.now();
        const response = await fetch(`${url}/reports/summary?from=${YEAR}-01-01&to=${YEAR}-06-30`, await asAdmin());
        if (!response.ok) throw new Error(`GET /reports/summary answered ${response.status}`);
        last = (await response.json()) as { totals: Record<string, unknown> };
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const p50 = Math.round(percentile(times, 50));
      const p95 = Math.round(percentile(times, 95));
      log(`half-year summary (${settings.queries} queries): p50 ${p50} ms, p95 ${p95} ms; totals ${JSON.stringify(last?.totals)}`);
      const targets = [
        `≥ 25000 events/s: ${rebuild.eventsPerSecond >= 25_000 ? 'met' : 'NOT met'}`,
        `< 512 MB: ${peakRssMb < 512 ? 'met' : 'NOT met'}`,
        `p95 < 150 ms: ${p95 < 150 ? 'met' : 'NOT met'}`,
      ];
      log(`targets: ${targets.join('; ')}; load average now ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
      console.log(JSON.stringify({ events: rebuild.events, eventsPerSecond: rebuild.eventsPerSecond, peakRssMb, summaryP95Ms: p95,
        rawKafkajsEventsPerSecond: raw.eventsPerSecond, reportingCpuUsPerEvent: usPerEvent(cpu.reporting),
        postgresCpuUsPerEvent: usPerEvent(cpu.backends) }));
    } finally {
      await db.end();
    }
  } finally {
    app.kill('SIGTERM');
    await exited(app);
    await deleteTopics(kafka, prefix); // every partition costs the shared broker open files
  }
}

/** The run's topics (the three, and the dead-letter topics reporting created), gone once it is done. */
async function deleteTopics(kafka: Kafka, prefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 60_000 });
  } catch (error) {
    log(`deleting topics ${prefix}* failed: ${String(error)}`);
  } finally {
    await admin.disconnect();
  }
}

/** A request signed as an admin, as the gateway would sign it (reporting runs alone here); fresh each time, so a long replay outlives no token. */
const asAdmin = async (): Promise<RequestInit> => ({ headers: { authorization: await testBearer() } });

/**
 * Waits until `generation` is the active one and caught up (reported by GET /reports/status), and measures its
 * replay from its consumer's start to its last commit: the generation's consuming_since → finished_at (the swap)
 * for a rebuild; for generation 1, consuming_since → the moment the status showed no lag.
 */
async function replayed(db: Client, url: string, generation: number, died: Promise<never>) {
  let events = 0;
  const timer = setInterval(() => void asAdmin().then((init) => fetch(`${url}/reports/status`, init)).then((r) => r.json() as Promise<StatusBody>).then((s) => {
    if (s.rebuild) log(`rebuild: ${s.rebuild.eventsDone}/${s.rebuild.events} events, ${s.rebuild.eventsPerSecond ?? '–'} events/s, ${s.rebuild.secondsLeft ?? '–'} s left`);
    else log(`generation ${s.activeGeneration}: lag ${s.lag}`);
  }, () => undefined), 5_000);
  try {
    await Promise.race([died, waitFor(`generation ${generation} to be active and caught up`, async () => {
      const status = (await (await fetch(`${url}/reports/status`, await asAdmin())).json()) as StatusBody;
      events = status.partitions.reduce((n, p) => n + p.endOffset, 0);
      return status.activeGeneration === generation && status.rebuild === null && status.lag === 0;
    }, 3_600_000, 1_000)]); // once a second: each status asks the broker for every partition's offsets, a cost the replay would share
  } finally {
    clearInterval(timer);
  }
  const caughtUp = new Date();
  const [row] = (await db.query('SELECT consuming_since, finished_at FROM projection_generations WHERE generation = $1', [generation])).rows;
  const end: Date = generation === 1 ? caughtUp : row.finished_at;
  const seconds = (end.getTime() - new Date(row.consuming_since).getTime()) / 1000;
  return { events, seconds, eventsPerSecond: perSecond(events, seconds * 1000) };
}

async function rawConsume(kafka: Kafka, topics: string[], expected: number): Promise<{ seconds: number; eventsPerSecond: number }> {
  const consumer = kafka.consumer({ groupId: `${topics[0]}.raw-${Date.now()}`, maxWaitTimeInMs: 1000, maxBytesPerPartition: 2 * 1024 * 1024 });
  let consumed = 0;
  let joinedAt = 0;
  let lastAt = 0;
  consumer.on(consumer.events.GROUP_JOIN, () => void (joinedAt = Date.now()));
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({ partitionsConsumedConcurrently: 3, eachBatch: async ({ batch }) => {
      consumed += batch.messages.length;
      lastAt = Date.now();
    } });
    await waitFor('raw kafkajs to read the topics', async () => consumed >= expected, 600_000, 50);
  } finally {
    await consumer.disconnect();
  }
  const seconds = (lastAt - joinedAt) / 1000;
  return { seconds, eventsPerSecond: perSecond(consumed, lastAt - joinedAt) };
}

/** Messages on the topics' dead-letter topics (`<topic>.dlq`): a replay that dead-letters is not a fast replay. */
async function deadLettered(kafka: Kafka, prefix: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    let n = 0;
    for (const t of TOPICS) {
      const dlq = `${topicName(t, prefix)}.dlq`;
      if (existing.has(dlq)) n += (await admin.fetchTopicOffsets(dlq)).reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
    }
    return n;
  } finally {
    await admin.disconnect();
  }
}

type StatusBody = { activeGeneration: number; lag: number; partitions: { endOffset: number }[];
  rebuild: { events: number; eventsDone: number; eventsPerSecond: number | null; secondsLeft: number | null } | null };

const status = (app: ChildProcess, field: 'VmRSS' | 'VmHWM') => {
  const line = readFileSync(`/proc/${app.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(field));
  return Math.round(Number(line?.split(/\s+/)[1] ?? 0) / 1024);
};
const rssMb = (app: ChildProcess) => status(app, 'VmRSS');

/** CPU used so far by each PostgreSQL backend serving the bench database (reporting's pool; PostgreSQL runs on this machine). */
async function backendCpuMs(db: Client): Promise<Map<number, number>> {
  const { rows } = await db.query('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [DATABASE]);
  return cpuMsOfEach(rows.map(({ pid }: { pid: number }) => pid));
}

/** The process's high-water mark of resident memory since it started (its first build included). */
const peakRss = (app: ChildProcess) => status(app, 'VmHWM');

main().then(() => process.exit(0), (error: Error) => {
  log(`failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
