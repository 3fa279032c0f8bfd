import { Client } from 'pg';
import { DataSource, MigrationInterface } from 'typeorm';
import { MESSAGING_MIGRATIONS, guardPostgresClients, postgresSessionSettings } from '@giftflow/messaging';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Refuses anything but a database whose name marks it as a test database (so a test can never drop a real one). */
export function assertTestDatabaseName(name: string): void {
  if (!/^giftflow_test_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to use ${name}: test databases are named giftflow_test_*`);
}

export function testDatabaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and creates a test database. */
export async function recreateTestDatabase(name: string): Promise<void> {
  await onServer(name, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `CREATE DATABASE ${name}`]);
}

/** Drops a test database (if it exists), e.g. once a benchmark is done with it. */
export async function dropTestDatabase(name: string): Promise<void> {
  await onServer(name, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
}

async function onServer(name: string, statements: string[]): Promise<void> {
  assertTestDatabaseName(name);
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A DataSource on a fresh test database with the outbox and inbox tables (and a service's own `migrations` after
 * them, e.g. reporting's read model), plus whatever SQL the test needs for its own state (run after the migrations).
 */
export async function createTestDataSource(
  name: string, setupSql: string[] = [], fresh = true, migrations: Array<new () => MigrationInterface> = [],
): Promise<DataSource> {
  if (fresh) await recreateTestDatabase(name);
  assertTestDatabaseName(name);
  const dataSource = new DataSource({
    type: 'postgres',
    url: testDatabaseUrl(name),
    migrations: [...MESSAGING_MIGRATIONS, ...migrations],
    migrationsRun: fresh,
    extra: { max: 8, ...postgresSessionSettings() },
  });
  await dataSource.initialize();
  guardPostgresClients(dataSource);
  if (fresh) for (const sql of setupSql) await dataSource.query(sql);
  return dataSource;
}

/** `giftflow_test_<what>`, suffixed with GIFTFLOW_TEST_PORT_BASE when set, so checkouts testing side by side never share a database. */
export function testDatabaseName(what: string): string {
  return ownTestDatabase(`giftflow_test_${what}`);
}

/** A test database's name as this checkout uses it: suffixed with GIFTFLOW_TEST_PORT_BASE when set (once). */
export function ownTestDatabase(name: string): string {
  const base = process.env.GIFTFLOW_TEST_PORT_BASE;
  return base && !name.endsWith(`_${base}`) ? `${name}_${base}` : name;
}
