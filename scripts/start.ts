// `npm start`: the whole system on this machine. Kafka (deploy/kafka/kafka.sh) and PostgreSQL first, then the
// five apps from dist/ with their output prefixed; each app creates and migrates its own database at boot.
// Runs until Ctrl-C / SIGTERM, then stops the apps cleanly; if an app dies on its own, stops the rest and fails.
import { APPS, describeExit, RunningSystem, startSystem } from './apps';
import { checkPostgres, startKafka } from './infra';

const log = (message: string) => console.log(`[start] ${message}`);

/** Resolves with the first SIGINT/SIGTERM/SIGHUP. Later ones are ignored: stop() already escalates to SIGKILL. */
const stopRequested = new Promise<NodeJS.Signals>((resolve) => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => resolve(signal));
});

async function main(): Promise<number> {
  startKafka();
  await checkPostgres();

  const aborted = new AbortController();
  void stopRequested.then(() => aborted.abort());
  log('starting ' + APPS.map((a) => a.name).join(', '));
  let system: RunningSystem;
  try {
    // detached: Ctrl-C reaches only this process, which then sends each app exactly one SIGTERM.
    // Logs for a terminal (docs/observability.md); LOG_FORMAT=json keeps the JSON lines.
    system = await startSystem({ detached: true, signal: aborted.signal, env: { LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty' } });
  } catch (error) {
    if (!aborted.signal.aborted) throw error;
    log('stopped during start-up'); // startSystem has already stopped what it launched
    return 0;
  }

  const pad = Math.max(...APPS.map((a) => a.name.length)) + 2;
  console.log('\ngiftflow is running:');
  for (const a of APPS) {
    const label = a.name;
    console.log(`  ${label.padEnd(pad)}${system.urls[a.name]}${a.name === 'gateway' ? '  (/api/<service>/…)' : ''}`);
  }
  console.log('Ctrl-C stops the apps.\n');

  const outcome = await Promise.race([
    stopRequested.then((signal) => ({ signal })),
    system.unexpectedExit.then((crash) => ({ crash })),
  ]);
  if ('crash' in outcome) {
    log(`${outcome.crash.app.spec.name} exited unexpectedly (${describeExit(outcome.crash.exit)}); stopping the others`);
  } else {
    log(`${outcome.signal}: stopping the apps`);
  }
  await system.stop();
  log('all apps stopped');
  return 'crash' in outcome ? 1 : 0;
}

main()
  .catch((error: Error) => {
    log(`failed: ${error.message}`);
    return 1;
  })
  .then((code) => {
    log('the Kafka broker is left running; `npm run kafka:stop` stops it');
    process.exit(code);
  });
