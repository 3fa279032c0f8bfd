// The five apps as processes: the one list of them, how one is launched from dist/, how we know it is up,
// and how the whole system is started and stopped. Used by `npm start` (scripts/start.ts), by the
// end-to-end tests (tests/e2e) and by the docker-compose test, so adding an app here is the only step.
//
// Output prefixing is a small readline loop rather than the `concurrently` package: concurrently runs each
// command through `/bin/sh -c` (so the pid we would signal is a shell) and installs SIGINT/SIGTERM
// listeners on the host process, which inside a Jest worker is not ours to take.
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable } from 'node:stream';

export type AppName = 'gateway' | 'donors' | 'inventory' | 'beneficiaries' | 'reporting';

export interface AppSpec {
  name: AppName;
  /** The port it listens on by default (PORT); startSystem can shift all of them by an offset. */
  port: number;
  /** The compiled entry point, relative to the repository root. */
  entry: string;
}

const app = (name: AppName, port: number): AppSpec => ({ name, port, entry: `dist/apps/${name}/src/main.js` });

/** Every app, in port order. The gateway only forwards to the others, so start order does not matter. */
export const APPS: readonly AppSpec[] = [
  app('gateway', 3000),
  app('donors', 3001),
  app('inventory', 3002),
  app('beneficiaries', 3003),
  app('reporting', 3004),
];

/** The environment variable through which the gateway finds a service, e.g. DONORS_URL. */
export const serviceUrlVariable = (name: AppName): string => `${name.toUpperCase()}_URL`;

/** The repository root: the nearest folder with a package.json (this file runs from scripts/ and dist/scripts/). */
export const ROOT = ((): string => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
})();

const PREFIX_WIDTH = Math.max(...APPS.map((a) => a.name.length));
/** `[donors       ] `: every app's lines line up, whatever its name. */
export const linePrefix = (name: string): string => `[${name.padEnd(PREFIX_WIDTH)}] `;

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningApp {
  readonly spec: AppSpec;
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly child: ChildProcess;
  /** Settles once the process has exited and its output has been read to the end. */
  readonly exited: Promise<ExitInfo>;
  /** Its last lines of output (kept even when quiet), to explain a failure. */
  recentOutput(): string[];
  /** SIGTERM, then SIGKILL if it has not exited after graceMs. Resolves once it has exited. */
  stop(graceMs?: number): Promise<ExitInfo>;
}

export interface LaunchOptions {
  /** Port to listen on (PORT); defaults to the app's own. */
  port?: number;
  /** 'prefixed' copies each line to our stdout/stderr behind `[name] `; 'quiet' only keeps the recent lines. */
  output?: 'prefixed' | 'quiet';
  /**
   * Run it in its own process group, so a terminal's Ctrl-C reaches only us and the app receives exactly one
   * signal, ours: Nest drops its signal listeners on the first one, so a second would kill it mid-shutdown.
   * Right when the parent handles signals (npm start); wrong in a Jest worker, which dies on Ctrl-C without
   * cleaning up — there we want the terminal's signal to reach the apps.
   */
  detached?: boolean;
}

const RECENT_LINES = 200;
export const DEFAULT_STOP_GRACE_MS = 15_000;

/** Children still running, killed outright if we exit without stopping them (an exception, process.exit). */
const live = new Set<ChildProcess>();
process.once('exit', () => live.forEach((child) => child.kill('SIGKILL')));

/**
 * Starts `node -r tsconfig-paths/register dist/apps/<name>/src/main.js` from the repository root with
 * TS_NODE_BASEURL=./dist, so the @giftflow/* aliases resolve into the compiled libs. `env` is added to our own
 * environment; PORT comes from options.
 */
export function launchApp(spec: AppSpec, env: NodeJS.ProcessEnv = {}, options: LaunchOptions = {}): RunningApp {
  const entry = path.resolve(ROOT, spec.entry);
  if (!existsSync(entry)) throw new Error(`${spec.entry} does not exist: run \`npm run build\` first`);
  const port = options.port ?? spec.port;
  const child = spawn(process.execPath, ['-r', 'tsconfig-paths/register', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), TS_NODE_BASEURL: './dist' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  live.add(child);

  const recent: string[] = [];
  const prefix = linePrefix(spec.name);
  const follow = (stream: Readable, sink: NodeJS.WriteStream) =>
    readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      recent.push(line);
      if (recent.length > RECENT_LINES) recent.shift();
      if (options.output !== 'quiet') sink.write(prefix + line + '\n');
    });
  follow(child.stdout!, process.stdout);
  follow(child.stderr!, process.stderr);

  let done: ExitInfo | undefined;
  const exited = new Promise<ExitInfo>((resolve) => {
    // 'close' comes after 'exit' once stdout/stderr are drained, so no output line is lost.
    child.once('close', (code, signal) => resolve((done = { code, signal })));
    child.once('error', (error) => {
      recent.push(`could not start: ${error.message}`);
      resolve((done = { code: null, signal: null }));
    });
  }).finally(() => live.delete(child));

  return {
    spec,
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    exited,
    recentOutput: () => [...recent],
    async stop(graceMs = DEFAULT_STOP_GRACE_MS) {
      if (done) return done;
      child.kill('SIGTERM');
      const escalate = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(escalate);
      }
    },
  };
}

/** One GET of <url>/health. A plain agent-less request: no keep-alive socket outlives it (Jest open handles). */
function getHealth(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/health`, { agent: false, timeout: 2_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
  });
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });

/**
 * Polls GET <url>/health until it answers 200 with {status: "ok"}. Rejects after timeoutMs with the last
 * answer seen, or as soon as `signal` aborts (so a caller racing it against a crash leaves no timer behind).
 */
export async function waitHealthy(url: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    signal?.throwIfAborted();
    try {
      const { status, body } = await getHealth(url);
      if (status === 200 && (JSON.parse(body) as { status?: unknown }).status === 'ok') return;
      last = `HTTP ${status} ${body}`;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() >= deadline) throw new Error(`${url}/health not ok after ${timeoutMs} ms (last: ${last})`);
    await sleep(250, signal);
  }
}

/** True when something already accepts connections on 127.0.0.1:port. */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A port offset per Jest worker (13000+, 13100+, …), so end-to-end files running in parallel workers, or
 * next to a developer's `npm start` on 3000–3004, never share a port. GIFTFLOW_TEST_PORT_BASE (default
 * 10000) moves the whole range, for two checkouts testing on one machine.
 */
export const workerPortOffset = (): number =>
  Number(process.env.GIFTFLOW_TEST_PORT_BASE ?? 10_000) + 100 * Number(process.env.JEST_WORKER_ID ?? 0);

export interface SystemOptions {
  /** Added to every app's environment (DATABASE_URL, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, DONORS_DATABASE…). */
  env?: NodeJS.ProcessEnv;
  /** Added to every default port; the gateway's *_URL follow. Default 0 (3000–3004). */
  portOffset?: number;
  /** Which apps to run; default all of them. */
  apps?: readonly AppName[];
  /** How long all of them together may take to become healthy. Default 120 s (migrations, topics, groups). */
  timeoutMs?: number;
  output?: LaunchOptions['output'];
  detached?: boolean;
  /** Aborting during start-up stops what was launched and rejects. */
  signal?: AbortSignal;
}

export interface RunningSystem {
  readonly apps: Partial<Record<AppName, RunningApp>>;
  /** Base URL of each running app, e.g. urls.gateway = http://127.0.0.1:3000. */
  readonly urls: Partial<Record<AppName, string>>;
  /** Settles when an app exits that nobody asked to stop; never settles otherwise. */
  readonly unexpectedExit: Promise<{ app: RunningApp; exit: ExitInfo }>;
  /** Stops the app (SIGTERM, or SIGKILL to simulate a crash), starts it again and waits until it is healthy. */
  restart(name: AppName, how?: 'SIGTERM' | 'SIGKILL'): Promise<RunningApp>;
  /** SIGTERM to every app at once, SIGKILL to any still running after graceMs; resolves when all have exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Launches the apps, prefixes their output, and resolves once every /health is ok. */
export async function startSystem(options: SystemOptions = {}): Promise<RunningSystem> {
  const offset = options.portOffset ?? 0;
  const specs = APPS.filter((a) => !options.apps || options.apps.includes(a.name));
  const portOf = (name: AppName) => APPS.find((a) => a.name === name)!.port + offset;
  const timeoutMs = options.timeoutMs ?? 120_000;

  const taken: string[] = [];
  for (const spec of specs) if (await portTaken(portOf(spec.name))) taken.push(`${portOf(spec.name)} (${spec.name})`);
  if (taken.length > 0) {
    throw new Error(`port ${taken.join(', ')} already in use: is another \`npm start\` running? (or pass portOffset)`);
  }

  // Every app finds the others at the ports they run on here (the gateway proxies to them; inventory and beneficiaries
  // look donors and inventory up); an explicit *_URL in options.env still wins.
  const serviceUrls = Object.fromEntries(
    APPS.filter((a) => a.name !== 'gateway').map((a) => [serviceUrlVariable(a.name), `http://127.0.0.1:${portOf(a.name)}`]),
  );
  const launch = (spec: AppSpec) =>
    launchApp(spec, { ...serviceUrls, ...options.env }, { port: portOf(spec.name), output: options.output, detached: options.detached });

  const apps: Partial<Record<AppName, RunningApp>> = {};
  const stopping = new Set<RunningApp>();
  let reportExit!: (e: { app: RunningApp; exit: ExitInfo }) => void;
  const unexpectedExit = new Promise<{ app: RunningApp; exit: ExitInfo }>((resolve) => (reportExit = resolve));
  const watch = (running: RunningApp) => {
    apps[running.spec.name] = running;
    void running.exited.then((exit) => stopping.has(running) || reportExit({ app: running, exit }));
    return running;
  };
  const stopApps = async (list: RunningApp[], graceMs?: number) => {
    list.forEach((a) => stopping.add(a));
    await Promise.all(list.map((a) => a.stop(graceMs)));
  };
  const all = () => Object.values(apps) as RunningApp[];

  // Waits for the given apps, failing fast (with the culprit's last output) if one exits, or if the caller aborts.
  const untilHealthy = async (list: RunningApp[]) => {
    const giveUp = new AbortController();
    const onAbort = () => giveUp.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const crashed = unexpectedExit.then(({ app: a, exit }) => {
      throw new Error(`${a.spec.name} exited during start-up (${describeExit(exit)}); its last output:\n${tail(a)}`);
    });
    const healthy = (a: RunningApp) =>
      waitHealthy(a.url, timeoutMs, giveUp.signal).catch((error: Error) => {
        if (giveUp.signal.aborted) throw error;
        throw new Error(`${a.spec.name} did not become healthy: ${error.message}; its last output:\n${tail(a)}`);
      });
    try {
      await Promise.race([crashed, Promise.all(list.map(healthy))]);
    } finally {
      giveUp.abort(); // stops the other apps' polling
      options.signal?.removeEventListener('abort', onAbort);
      crashed.catch(() => undefined); // may still settle later; that is what unexpectedExit is for
    }
  };

  try {
    options.signal?.throwIfAborted();
    specs.forEach((spec) => watch(launch(spec)));
    await untilHealthy(all());
  } catch (error) {
    await stopApps(all());
    throw error;
  }

  return {
    apps,
    urls: Object.fromEntries(specs.map((s) => [s.name, `http://127.0.0.1:${portOf(s.name)}`])),
    unexpectedExit,
    async restart(name, how = 'SIGTERM') {
      const old = apps[name];
      if (!old) throw new Error(`${name} is not part of this system`);
      stopping.add(old);
      if (how === 'SIGKILL') old.child.kill('SIGKILL');
      await old.stop();
      const fresh = watch(launch(old.spec));
      await untilHealthy([fresh]);
      return fresh;
    },
    stop: (graceMs) => stopApps(all(), graceMs),
  };
}

export const describeExit = ({ code, signal }: ExitInfo): string =>
  signal ? `killed by ${signal}` : code === null ? 'could not start' : `exit code ${code}`;

const tail = (a: RunningApp, lines = 30) => a.recentOutput().slice(-lines).map((l) => `  ${l}`).join('\n');
