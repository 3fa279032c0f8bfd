import { DataSource } from 'typeorm';

interface PgClient {
  on(event: 'error', listener: (error: Error) => void): unknown;
  listenerCount(event: 'error'): number;
}
interface PgPool {
  on(event: 'connect', listener: (client: PgClient) => void): unknown;
  _clients?: PgClient[];
}

/**
 * Keeps a pooled connection that the server terminates (pg_terminate_backend, a restart, a timeout) from killing
 * the process: pg emits `error` on the client, sometimes twice (the FATAL message, then the closed socket), and
 * TypeORM's own listener is gone after the first — an `error` with no listener is an uncaught exception. The query
 * that was running still fails with the error, and is retried as an infrastructure error (docs/backbone.md).
 */
export function guardPostgresClients(dataSource: DataSource): void {
  const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
  if (!pool) return;
  const guard = (client: PgClient) => {
    if ((client as unknown as { __giftflowGuarded?: boolean }).__giftflowGuarded) return;
    (client as unknown as { __giftflowGuarded?: boolean }).__giftflowGuarded = true;
    client.on('error', () => undefined);
  };
  pool.on('connect', guard);
  for (const client of pool._clients ?? []) guard(client);
}
