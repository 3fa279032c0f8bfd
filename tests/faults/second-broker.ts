import { ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..', '..').endsWith('dist') ? path.join(__dirname, '..', '..', '..', '..') : path.join(__dirname, '..', '..');

/**
 * A broker of the fault suite's own (deploy/kafka/kafka.sh on another port, its own state directory
 * `node-<port>`), so a scenario may SIGKILL it without touching the shared one on 9092. Its port:
 * GIFTFLOW_FAULT_BROKER_PORT, else GIFTFLOW_TEST_PORT_BASE + 90 (so checkouts testing side by side each kill their
 * own), else 19192.
 */
export class SecondBroker {
  private watchdog: ChildProcess | null = null;

  constructor(readonly port = defaultPort()) {}

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Starts it (kafka.sh returns at once when it already runs) and watches that it does not outlive this process. */
  async start(): Promise<void> {
    await run('bash', [path.join(repoRoot(), 'deploy/kafka/kafka.sh'), 'start'], { env: this.env(), cwd: repoRoot(), timeout: 180_000 });
    this.unwatch();
    this.watchdog = killWhenGone(process.pid, this.pid());
  }

  async stop(): Promise<void> {
    this.unwatch();
    await run('bash', [path.join(repoRoot(), 'deploy/kafka/kafka.sh'), 'stop'], { env: this.env(), cwd: repoRoot(), timeout: 90_000 }).catch(() => undefined);
  }

  /** SIGKILL, no clean shutdown: the broker's pid from the file kafka.sh wrote. */
  kill(): void {
    this.unwatch(); // its pid is about to be free for reuse; start() watches the next one
    process.kill(this.pid(), 'SIGKILL');
  }

  /** Stops watching the current broker process (before it goes away by our hand, or another is watched). */
  private unwatch(): void {
    this.watchdog?.kill();
    this.watchdog = null;
  }

  private pid(): number {
    return Number(readFileSync(this.pidFile(), 'utf8').trim());
  }

  private pidFile(): string {
    const version = /<kafka.version>(.*)<\/kafka.version>/.exec(readFileSync(path.join(repoRoot(), 'deploy/kafka/pom.xml'), 'utf8'))![1];
    // Where kafka.sh keeps node-<port>/: GIFTFLOW_KAFKA_STATE (a CI run's own), else its home.
    const home = process.env.GIFTFLOW_KAFKA_STATE ?? process.env.GIFTFLOW_KAFKA_HOME ??
      path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'giftflow', `kafka-${version}`);
    return path.join(home, `node-${this.port}`, 'broker.pid');
  }

  private env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, KAFKA_PORT: String(this.port), KAFKA_CONTROLLER_PORT: String(this.port + 1) };
    delete env.KAFKA_BROKERS; // kafka.sh starts nothing when told to use an external cluster
    return env;
  }
}

/**
 * A detached shell that SIGKILLs `target` once `parent` is gone, checking every second. The broker is started with
 * setsid (kafka.sh), so it would otherwise outlive a suite that was killed rather than ended; a suite that ends stops
 * the broker and kills this watchdog first, so it never signals a pid that has been reused.
 */
export function killWhenGone(parent: number, target: number): ChildProcess {
  if (!Number.isSafeInteger(parent) || !Number.isSafeInteger(target) || parent <= 1 || target <= 1) throw new Error(`not pids: ${parent}, ${target}`);
  const watchdog = spawn('bash', ['-c', `while kill -0 ${parent} 2>/dev/null; do sleep 1; done; kill -9 ${target} 2>/dev/null`], {
    detached: true, stdio: 'ignore',
  });
  watchdog.unref();
  return watchdog;
}

/** The repository root, from the sources (ts-jest) or from dist/ (the compiled suite). */
function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i += 1) {
    try {
      readFileSync(path.join(dir, 'deploy', 'kafka', 'kafka.sh'));
      return dir;
    } catch {
      dir = path.dirname(dir);
    }
  }
  return ROOT;
}

function defaultPort(): number {
  if (process.env.GIFTFLOW_FAULT_BROKER_PORT) return Number(process.env.GIFTFLOW_FAULT_BROKER_PORT);
  return process.env.GIFTFLOW_TEST_PORT_BASE ? Number(process.env.GIFTFLOW_TEST_PORT_BASE) + 90 : 19192;
}
