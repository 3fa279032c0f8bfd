import { isChangedPlan } from '../database/prepared-statements';

/**
 * Errors that say "the database, the network or the deploy is broken", not "this message is bad". They never
 * send a message to the DLQ: the work is retried with backoff until the outage is over (docs/backbone.md,
 * "Infrastructure errors are not poison").
 *
 * PostgreSQL errors are told apart by SQLSTATE:
 * - 40001 serialization failure, 40P01 deadlock: retry;
 * - 55P03 lock not available, 57014 statement (or lock) timeout;
 * - 08xxx connection exceptions, 57P0x operator intervention (admin shutdown, pg_terminate_backend…);
 * - 53xxx insufficient resources (too many connections, disk full);
 * - 42P01 undefined table, 42703 undefined column: a bad deploy, not a bad message; so is "cached plan must not change
 *   result type" (0A000): a migration changed a table under a prepared statement, which is renamed (prepared-statements.ts).
 */
const INFRASTRUCTURE_SQLSTATES = new Set(['40001', '40P01', '55P03', '57014', '42P01', '42703']);
const INFRASTRUCTURE_SQLSTATE_CLASSES = /^(08|57P|53)/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNABORTED']);
const MESSAGES = /Connection terminated|connection is closed|Client has encountered a connection error|Query runner already released|QueryRunnerAlreadyReleased|timeout exceeded when trying to connect|Cannot use a pool after calling end/i;

export function isInfrastructureError(error: unknown): boolean {
  for (const e of causes(error)) {
    const { code, message, name } = e as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === 'string') {
      if (INFRASTRUCTURE_SQLSTATES.has(code) || INFRASTRUCTURE_SQLSTATE_CLASSES.test(code) || NETWORK_CODES.has(code)) return true;
    }
    if (name === 'QueryRunnerAlreadyReleasedError' || isChangedPlan(e)) return true;
    // The dead-letter producer could not reach the broker: the letter is not written, so nothing may move on.
    if (typeof name === 'string' && name.startsWith('KafkaJS')) return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
  }
  return false;
}

/** The error and what it wraps (TypeORM's `driverError`, `cause`), at most a few levels deep. */
function causes(error: unknown): object[] {
  const found: object[] = [];
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && found.length < 5 && !found.includes(current)) {
    found.push(current);
    const next = current as { driverError?: unknown; cause?: unknown; originalError?: unknown };
    current = next.driverError ?? next.cause ?? next.originalError;
  }
  return found;
}
