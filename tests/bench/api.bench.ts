// `npm run bench:api`: the HTTP API of a running system, through the gateway (issue #8). Uses the system at
// GATEWAY_URL / INVENTORY_URL (default `npm start`'s 3000 / 3002); when nothing answers there it starts one
// itself on BENCH_API_PORT_BASE (default 20000–20004) with databases and topics of its own, and stops it after.
// Seeds what it needs through the API, then measures:
//   1. reads, open loop (open-loop.ts: evenly spaced, latency from when each request was due) at BENCH_READ_RATE
//      (300) req/s: stock, deliveries list, a pledge, a child, and the report summary of this month (1 in 10);
//   2. writes, open loop at BENCH_WRITE_RATE (100) req/s: POST /pledges, each with a new Idempotency-Key;
//   3. the gateway's cost with autocannon: closed loop, 10 connections, GET /stock straight to inventory and through
//      the gateway, in alternating rounds (so a load change on a shared machine hits both alike).
// Prints p50/p99/errors per run, the targets met or missed, and ends with one JSON line. Every request carries the
// admin's bearer token (signed in at the gateway: GIFTFLOW_ADMIN_PASSWORD, or the password file the gateway wrote),
// so the figures include each service verifying it.
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { dropTestDatabase, recreateTestDatabase, testDatabaseName, testDatabaseUrl, testKafka } from '@giftflow/testing';
import { RunningSystem, startSystem } from '../../scripts/apps';
import { signInAsAdmin } from '../../seeds/sign-in';
import { cpuMsOf } from './bench-support';
import { OpenLoopOptions, OpenLoopRequest, openLoop } from './open-loop';

const settings = {
  readRate: Number(process.env.BENCH_READ_RATE ?? 300),
  writeRate: Number(process.env.BENCH_WRITE_RATE ?? 100),
  seconds: Number(process.env.BENCH_SECONDS ?? 20),
  /** The gateway comparison alternates direct and gateway runs of this many seconds, BENCH_GATEWAY_ROUNDS times each. */
  gatewaySeconds: Number(process.env.BENCH_GATEWAY_SECONDS ?? 5),
  gatewayRounds: Number(process.env.BENCH_GATEWAY_ROUNDS ?? 3),
  /**
   * Where it starts its own system: BENCH_API_PORT_BASE, else GIFTFLOW_TEST_PORT_BASE + 50 (clear of the e2e tests'
   * base + 100 × worker and the replay bench's base + 4, so helpers sharing a machine never collide), else 20000.
   */
  portBase: Number(process.env.BENCH_API_PORT_BASE ?? (process.env.GIFTFLOW_TEST_PORT_BASE ? Number(process.env.GIFTFLOW_TEST_PORT_BASE) + 50 : 20_000)),
  /** Node flags for the apps it starts, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` (profiles are written as they exit). */
  nodeOptions: process.env.BENCH_API_NODE_OPTIONS,
  /**
   * BENCH_API_ONLY=routes: after seeding, only each route of the mix alone (closed loop, with CPU per request);
   * BENCH_API_ONLY=gateway: only the gateway's cost; =reads or =writes: only that fixed-rate run. Profiling aids:
   * the JSON line then has only what was run.
   */
  only: process.env.BENCH_API_ONLY as 'routes' | 'gateway' | 'reads' | 'writes' | undefined,
};
const targets = { gatewayRatio: 0.6, addedP50Ms: 3, readP99Ms: 50, writeP99Ms: 100 };

const log = (line: string) => console.log(`[bench:api] ${new Date().toISOString().slice(11, 19)} ${line}`);

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(3_000) })).ok;
  } catch {
    return false;
  }
}

/** The running system to measure, or one started here (then `system` is set, to be stopped afterwards). */
async function findSystem(): Promise<{ gateway: string; inventory: string; system?: RunningSystem; authorization: string; databases?: string[]; topicPrefix?: string }> {
  // With GIFTFLOW_TEST_PORT_BASE set (a checkout sharing the machine) a system on 3000 is someone else's: only an
  // explicit GATEWAY_URL is measured then.
  const gateway = process.env.GATEWAY_URL ?? (process.env.GIFTFLOW_TEST_PORT_BASE ? undefined : 'http://127.0.0.1:3000');
  const inventory = process.env.INVENTORY_URL ?? 'http://127.0.0.1:3002';
  if (gateway && (await healthy(gateway)) && (await healthy(inventory))) return { gateway, inventory, authorization: await signInAsAdmin(gateway) };
  log(`${gateway ? `nothing healthy at ${gateway}` : 'GIFTFLOW_TEST_PORT_BASE is set'}: starting the system on ${settings.portBase}–${settings.portBase + 4}`);
  const run = randomUUID().slice(0, 8);
  const env = Object.fromEntries(['gateway', 'donors', 'inventory', 'beneficiaries', 'reporting'].map((s) => [`${s.toUpperCase()}_DATABASE`, testDatabaseName(`bench_api_${s}`)]));
  // Fresh databases, as its topics are (a second run on the first run's data would meet its own records, e.g. a 409
  // duplicate child).
  for (const name of Object.values(env)) await recreateTestDatabase(name);
  const adminPassword = { GIFTFLOW_ADMIN_PASSWORD: process.env.GIFTFLOW_ADMIN_PASSWORD ?? `bench-${randomUUID()}` };
  const system = await startSystem({ portOffset: settings.portBase - 3000, output: 'quiet', env: { ...env, ...adminPassword, ...(settings.nodeOptions ? { NODE_OPTIONS: settings.nodeOptions } : {}), KAFKA_TOPIC_PREFIX: `test.bench-api.${run}.` } });
  const authorization = await signInAsAdmin(system.urls.gateway!, adminPassword);
  return { gateway: system.urls.gateway!, inventory: system.urls.inventory!, system, authorization, databases: Object.values(env), topicPrefix: `test.bench-api.${run}.` };
}

/**
 * Where the CPU goes, when the bench started the system itself: CPU ms used so far by each app's process and by
 * PostgreSQL's backends connected to the bench's databases. Per request, this is a figure a busy shared machine
 * barely changes (latency is not), so it is what to compare between two runs when the load average differs.
 */
async function cpuSnapshot(system: RunningSystem | undefined, databases: string[]): Promise<Record<string, number> | null> {
  if (!system) return null;
  const snapshot: Record<string, number> = {};
  for (const [name, app] of Object.entries(system.apps)) snapshot[name] = cpuMsOf(app.child.pid!);
  const client = new Client({ connectionString: testDatabaseUrl(databases[0]!) });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = ANY($1) AND pid <> pg_backend_pid()', [databases]);
    for (const { pid } of rows) snapshot[`pg:${pid}`] = cpuMsOf(pid);
  } finally {
    await client.end();
  }
  return snapshot;
}

/** CPU ms per request by process between two snapshots (PostgreSQL's backends summed; one that came and went is missed). */
function cpuPerRequest(before: Record<string, number>, after: Record<string, number>, requests: number): Record<string, number> {
  const used: Record<string, number> = {};
  for (const [key, ms] of Object.entries(after)) {
    const name = key.startsWith('pg:') ? 'postgres' : key;
    used[name] = (used[name] ?? 0) + ms - (before[key] ?? (key.startsWith('pg:') ? ms : 0));
  }
  return Object.fromEntries(Object.entries(used).map(([name, ms]) => [name, Math.round((ms / Math.max(requests, 1)) * 100) / 100]));
}

/** The system being measured and its databases, for cpuSnapshot. */
let measured: { system?: RunningSystem; databases: string[] } = { databases: [] };

/** `Bearer <token>` of the admin, for every request below. */
let authorization = '';

async function call<T>(gateway: string, method: 'GET' | 'POST', path: string, body?: unknown, allow: number[] = []): Promise<T | null> {
  const reply = await fetch(`${gateway}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization, 'idempotency-key': randomUUID() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (allow.includes(reply.status)) return null;
  const text = await reply.text();
  if (!reply.ok) throw new Error(`${method} ${path} → ${reply.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** A donor, an item received in stock, a pledge, a child: what the read mix reads and the writes pledge against. */
async function seed(gateway: string) {
  await call(gateway, 'POST', '/inventory/items', { code: 'bench-bicycle', name: 'Bicycle (benchmark)', category: 'bicycles', unit: 'piece', unitValueVnd: 1_800_000 }, [409]);
  await call(gateway, 'POST', '/inventory/warehouses', { code: 'BENCH-WH', name: 'Benchmark warehouse', districtCode: '941' }, [409]);
  const donor = (await call<{ id: string }>(gateway, 'POST', '/donors/donors', { name: 'Benchmark donor', kind: 'organization' }))!;
  const pledge = (await call<{ id: string }>(gateway, 'POST', '/donors/pledges', { donorId: donor.id, lines: [{ itemCode: 'bench-bicycle', quantity: 1_000 }] }))!;
  // Inventory learns of the pledge from PledgeRecorded (or by asking donors); on a busy machine that takes a moment.
  const receipt = { pledgeId: pledge.id, warehouseCode: 'BENCH-WH', lines: [{ itemCode: 'bench-bicycle', quantity: 1_000 }] };
  for (let attempt = 1; (await call(gateway, 'POST', '/inventory/receipts', receipt, attempt < 60 ? [422] : [])) === null; attempt++) {
    await new Promise((r) => setTimeout(r, 500));
  }
  const child = (await call<{ id: string }>(gateway, 'POST', '/beneficiaries/children', {
    fullName: 'Benchmark child', birthDate: '2015-03-14', sex: 'female', districtCode: '941', communeCode: '31000', circumstances: ['orphan'],
  }))!;
  return { donorId: donor.id, pledgeId: pledge.id, childId: child.id };
}

interface Figures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

const figures = (r: autocannon.Result): Figures => ({
  rps: Math.round(r.requests.total / r.duration),
  p50Ms: r.latency.p50,
  p99Ms: r.latency.p99,
  errors: r.errors + r.timeouts + r.non2xx,
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Rounds of equal length: mean rate, median of the p50s, worst p99, all errors. */
const combine = (runs: Figures[]): Figures => ({
  rps: Math.round(runs.reduce((n, r) => n + r.rps, 0) / runs.length),
  p50Ms: median(runs.map((r) => r.p50Ms)),
  p99Ms: Math.max(...runs.map((r) => r.p99Ms)),
  errors: runs.reduce((n, r) => n + r.errors, 0),
});

/** A closed loop (autocannon): `connections` requests outstanding at all times. */
function closedLoop(options: autocannon.Options): () => Promise<Figures & { sent: number; detail: string }> {
  return async () => {
    const result = await autocannon({ timeout: 10, ...options, headers: { ...options.headers, authorization } });
    return { ...figures(result), sent: result.requests.total, detail: `${result.non2xx} non-2xx, ${result.timeouts} timeouts` };
  };
}

/** A fixed offered rate (openLoop): requests sent when due, whatever the answers. */
function fixedRate(options: Omit<OpenLoopOptions, 'headers'>): () => Promise<Figures & { sent: number; detail: string }> {
  return async () => {
    const r = await openLoop({ ...options, headers: { authorization } });
    return {
      rps: r.rps, p50Ms: r.p50Ms, p99Ms: r.p99Ms, errors: r.errors, sent: r.sent,
      detail: `${r.non2xx} non-2xx, ${r.timeouts} timeouts; at most ${r.maxInFlight} in flight; sent at most ${r.maxSendLagMs} ms late; slowest ${r.slowest.map((s) => `${s.ms} ms at ${s.atS} s`).join(', ')}`,
    };
  };
}

async function measure(what: string, run: () => Promise<Figures & { sent: number; detail: string }>): Promise<Figures> {
  const before = await cpuSnapshot(measured.system, measured.databases);
  const { sent, detail, ...f } = await run();
  const after = await cpuSnapshot(measured.system, measured.databases);
  log(`${what}: ${f.rps} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, ${f.errors} errors (${detail})`);
  if (before && after) {
    const perRequest = cpuPerRequest(before, after, sent);
    log(`  CPU ms per request: ${Object.entries(perRequest).map(([name, ms]) => `${name} ${ms}`).join(', ')}`);
  }
  return f;
}

/** Deletes the topics of the system the bench started (the broker's open files are shared). */
async function deleteTopics(prefix: string): Promise<void> {
  const admin = testKafka('bench-api-cleanup').admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    log(`deleted its ${topics.length} topics`);
  } finally {
    await admin.disconnect();
  }
}

async function main(): Promise<void> {
  const found = await findSystem();
  const { gateway, inventory, system } = found;
  authorization = found.authorization;
  measured = { system, databases: found.databases ?? [] };
  try {
    const ids = await seed(gateway);
    log(`seeded through ${gateway}: donor, pledge ${ids.pledgeId} received in stock, child ${ids.childId}`);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const readMix: autocannon.Request[] = [
      ...Array(3).fill({ method: 'GET', path: '/api/inventory/stock' }),
      ...Array(2).fill({ method: 'GET', path: '/api/inventory/deliveries' }),
      ...Array(2).fill({ method: 'GET', path: `/api/donors/pledges/${ids.pledgeId}` }),
      ...Array(2).fill({ method: 'GET', path: `/api/beneficiaries/children/${ids.childId}` }),
      { method: 'GET', path: `/api/reporting/reports/summary?from=${today.slice(0, 8)}01&to=${today}` },
    ];
    await measure('warm-up', closedLoop({ url: gateway, connections: 10, duration: 3, requests: readMix }));
    if (settings.only === 'routes') {
      // Each route of the mix alone, closed loop: what one request of it costs each process (a profiling aid).
      const pledgeBody = JSON.stringify({ donorId: ids.donorId, lines: [{ itemCode: 'bench-bicycle', quantity: 1 }] });
      const routes: [string, autocannon.Request][] = [
        ...[...new Set(readMix.map((r) => r.path))].map((path): [string, autocannon.Request] => [`GET ${path}`, { method: 'GET', path }]),
        ['POST /api/donors/pledges', { method: 'POST', path: '/api/donors/pledges', body: pledgeBody,
          setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'content-type': 'application/json', 'idempotency-key': randomUUID(), authorization } }) }],
      ];
      for (const [what, request] of routes) await measure(`${what} alone (closed loop, 10 connections)`, closedLoop({ url: gateway, connections: 10, duration: settings.gatewaySeconds, requests: [request] }));
      return;
    }

    const runs = (what: 'reads' | 'writes' | 'gateway') => settings.only === undefined || settings.only === what;
    const reads = !runs('reads') ? null : await measure(`reads at ${settings.readRate}/s (open loop)`, fixedRate({
      url: gateway, rate: settings.readRate, seconds: settings.seconds, requests: readMix.map((r) => ({ method: 'GET', path: r.path as string })),
    }));
    const pledgeBody = JSON.stringify({ donorId: ids.donorId, lines: [{ itemCode: 'bench-bicycle', quantity: 2 }] });
    const pledges: OpenLoopRequest[] = [{ method: 'POST', path: '/api/donors/pledges', body: pledgeBody, headersEach: () => ({ 'idempotency-key': randomUUID() }) }];
    // The reads' warm-up ran their code once; the pledge path (and the consumers its events wake) gets its own,
    // so the measured run does not time V8 compiling it.
    if (runs('writes')) await measure('writes warm-up (not counted)', fixedRate({ url: gateway, rate: settings.writeRate, seconds: 3, requests: pledges }));
    const writes = !runs('writes') ? null : await measure(`writes at ${settings.writeRate}/s (open loop)`, fixedRate({
      url: gateway, rate: settings.writeRate, seconds: settings.seconds, requests: pledges,
    }));

    let gatewayFigures: { directRps: number; gatewayRps: number; ratio: number; addedP50Ms: number } | null = null;
    if (runs('gateway')) {
      const rounds: { direct: Figures[]; through: Figures[] } = { direct: [], through: [] };
      for (let round = 1; round <= settings.gatewayRounds; round++) {
        const pair = [
          () => measure(`round ${round}: GET /stock straight to inventory (closed loop, 10 connections)`, closedLoop({ url: `${inventory}/stock`, connections: 10, duration: settings.gatewaySeconds }))
            .then((f) => rounds.direct.push(f)),
          () => measure(`round ${round}: GET /stock through the gateway (closed loop, 10 connections)`, closedLoop({ url: `${gateway}/api/inventory/stock`, connections: 10, duration: settings.gatewaySeconds }))
            .then((f) => rounds.through.push(f)),
        ];
        for (const run of round % 2 ? pair : pair.reverse()) await run();
      }
      const direct = combine(rounds.direct);
      const through = combine(rounds.through);
      log(`GET /stock straight: ${direct.rps} req/s, p50 ${direct.p50Ms} ms; through the gateway: ${through.rps} req/s, p50 ${through.p50Ms} ms`);
      const ratio = Math.round((through.rps / direct.rps) * 100) / 100;
      gatewayFigures = { directRps: direct.rps, gatewayRps: through.rps, ratio, addedP50Ms: Math.round((through.p50Ms - direct.p50Ms) * 100) / 100 };
    }

    const check = (ok: boolean, text: string) => log(`${ok ? 'met   ' : 'MISSED'} ${text}`);
    if (gatewayFigures) {
      check(gatewayFigures.ratio >= targets.gatewayRatio, `gateway keeps ${Math.round(gatewayFigures.ratio * 100)} % of direct throughput (target ≥ ${targets.gatewayRatio * 100} %)`);
      check(gatewayFigures.addedP50Ms <= targets.addedP50Ms, `gateway adds ${gatewayFigures.addedP50Ms} ms to the median (target ≤ ${targets.addedP50Ms} ms)`);
    }
    if (reads) check(reads.p99Ms < targets.readP99Ms && reads.errors === 0, `reads p99 ${reads.p99Ms} ms, ${reads.errors} errors (target < ${targets.readP99Ms} ms, none)`);
    if (writes) check(writes.p99Ms < targets.writeP99Ms && writes.errors === 0, `writes p99 ${writes.p99Ms} ms, ${writes.errors} errors (target < ${targets.writeP99Ms} ms, none)`);
    console.log(JSON.stringify({ ...(reads && { reads }), ...(writes && { writes }), ...(gatewayFigures && { gateway: gatewayFigures }) }));
  } finally {
    if (system) {
      log('stopping the system it started');
      await system.stop();
      if (found.topicPrefix) await deleteTopics(found.topicPrefix);
      for (const name of found.databases ?? []) await dropTestDatabase(name);
    }
  }
}

main().catch((error: Error) => {
  console.error(`[bench:api] failed: ${error.message}`);
  process.exit(1);
});
