// `npm test`: every test level (unit, int, e2e, browser — see jest.config.js) against a real Kafka broker and PostgreSQL.
// Extra arguments go to Jest (`npm test -- --selectProjects unit`, `npm test -- tests/compose`).
// Ends with exactly one line `N passed, N failed`, which CI reads, and exits non-zero on any failure or if
// no test ran at all.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { deleteTopicsWithPrefix, testKafka, testRunTag } from '@giftflow/testing';
import { ROOT } from './apps';
import { ensureChromium } from './chromium';
import { checkPostgres, startKafka } from './infra';

const RESULTS = path.join(ROOT, '.test-results', 'jest.json');

interface JestResults {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
  /** Files that failed before or outside any test (a compile error, a throwing beforeAll): no test counts them. */
  numRuntimeErrorTestSuites: number;
}

/**
 * How long Jest may keep running after it has written its results. It then only waits for handles a test left
 * open (a consumer, a pool, a child process), which would otherwise hang CI forever. Unlike --forceExit, this
 * does not hide the leak: the run fails and says so.
 */
const EXIT_GRACE_MS = 60_000;

/** Runs Jest with its output streamed through; resolves with its exit code and whether it had to be killed. */
function runJest(args: string[]): Promise<{ code: number; hung: boolean }> {
  // TS_NODE_BASEURL is this script's own path mapping (package.json), not the tests'.
  const { TS_NODE_BASEURL: _ours, ...env } = process.env;
  const jest = spawn(path.join(ROOT, 'node_modules', '.bin', 'jest'), args, { cwd: ROOT, stdio: 'inherit', env });
  // Jest (and so the e2e apps' afterAll) must finish before we report; pass signals on rather than dying first.
  const forward = (signal: NodeJS.Signals) => jest.kill(signal);
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  signals.forEach((s) => process.on(s, forward));

  let hung = false;
  let killTimer: NodeJS.Timeout | undefined;
  const watch = setInterval(() => {
    if (killTimer || !existsSync(RESULTS)) return;
    killTimer = setTimeout(() => {
      hung = true;
      console.error(`\nnpm test: Jest is still running ${EXIT_GRACE_MS / 1000} s after the last test, held open by ` +
        'something a test did not close (run the suspect file with --detectOpenHandles); stopping it.');
      jest.kill('SIGKILL');
    }, EXIT_GRACE_MS);
  }, 1_000);

  return new Promise((resolve) => {
    const done = (code: number) => {
      clearInterval(watch);
      clearTimeout(killTimer);
      signals.forEach((s) => process.off(s, forward));
      resolve({ code, hung });
    };
    jest.once('error', (error) => {
      console.error(`could not run jest: ${error.message}`);
      done(1);
    });
    jest.once('close', (code) => done(code ?? 1));
  });
}

function readResults(): JestResults | undefined {
  try {
    return JSON.parse(readFileSync(RESULTS, 'utf8')) as JestResults;
  } catch {
    return undefined;
  }
}

/** The run's test topics go when it ends (a failed test's data stays in its database, which is what one reads). */
async function deleteRunTopics(run: string): Promise<void> {
  try {
    const deleted = await deleteTopicsWithPrefix(testKafka('giftflow-test-cleanup'), `test.${run}.`);
    console.log(`npm test: deleted this run's ${deleted} test topics (test.${run}.*)`);
  } catch (error) {
    console.error(`npm test: could not delete this run's test topics: ${(error as Error).message}`);
  }
}

async function main(): Promise<number> {
  rmSync(RESULTS, { force: true }); // a stale file must never stand in for this run
  mkdirSync(path.dirname(RESULTS), { recursive: true });

  let jest = { code: 1, hung: false };
  const run = testRunTag(); // before Jest starts: its workers and what they spawn inherit it
  try {
    startKafka();
    await checkPostgres();
    ensureChromium(); // the console's browser tests (tests/browser) drive it
    jest = await runJest([
      '--json',
      `--outputFile=${path.relative(ROOT, RESULTS)}`,
      // Two workers: int and e2e files are mostly waiting on Kafka; e2e files use workerPortOffset() ports.
      '--maxWorkers=2',
      ...process.argv.slice(2),
    ]);
  } catch (error) {
    console.error(`npm test: ${(error as Error).message}`);
  }
  await deleteRunTopics(run);

  const results = readResults();
  const passed = results?.numPassedTests ?? 0;
  // A file that crashed outside any test, or a run that would not end, counts as one more failure.
  const failed = results ? results.numFailedTests + results.numRuntimeErrorTestSuites + (jest.hung ? 1 : 0) : 1;
  console.log(`\n${passed} passed, ${failed} failed`);
  return jest.code !== 0 || failed > 0 || passed === 0 ? Math.max(jest.code, 1) : 0;
}

void main().then((code) => process.exit(code));
