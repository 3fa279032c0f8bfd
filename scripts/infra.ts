// What must be running before the apps or the tests: a Kafka broker and PostgreSQL. Shared by
// scripts/start.ts and scripts/test.ts so both fail the same way, early, with a message that says what to do.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { ROOT } from './apps';

/** The same default the services use (libs/platform database-settings). */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Starts the local broker with deploy/kafka/kafka.sh, which returns at once when one already answers and does
 * nothing when KAFKA_BROKERS points at another cluster. The broker is left running afterwards on purpose:
 * it takes a while to start, other test runs share it, and `npm run kafka:stop` stops it.
 */
export function startKafka(): void {
  const result = spawnSync('bash', [path.join(ROOT, 'deploy/kafka/kafka.sh'), 'start'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(`deploy/kafka/kafka.sh start failed (${result.error?.message ?? `exit code ${result.status}`})`);
  }
}

/** Connects once and runs `SELECT 1`; the services create their own databases, so the server is all we need. */
export async function checkPostgres(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${withoutPassword(url)}: ${(error as Error).message}. ` +
      'Start it, or point DATABASE_URL at a server.');
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
