/**
 * Session settings for every connection of a service's pool (the relay and the consumers use it): a zombie
 * connection — a process frozen mid-transaction, a half-open socket — cannot hold the relay's lock or a
 * consumer's rows for hours (docs/backbone.md, "PostgreSQL timeouts"). Values in ms, overridable by env.
 */
export interface PostgresSessionSettings {
  idle_in_transaction_session_timeout: number;
  statement_timeout: number;
  lock_timeout: number;
  keepAlive: true;
  keepAliveInitialDelayMillis: number;
}

export function postgresSessionSettings(env: NodeJS.ProcessEnv = process.env): PostgresSessionSettings {
  const ms = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a number of milliseconds, not ${env[name]}`);
    return value;
  };
  return {
    // Longer than the relay's longest wait for Kafka inside its claim transaction.
    idle_in_transaction_session_timeout: ms('PG_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000),
    statement_timeout: ms('PG_STATEMENT_TIMEOUT_MS', 30_000),
    lock_timeout: ms('PG_LOCK_TIMEOUT_MS', 10_000),
    keepAlive: true,
    keepAliveInitialDelayMillis: ms('PG_KEEPALIVE_DELAY_MS', 10_000),
  };
}
