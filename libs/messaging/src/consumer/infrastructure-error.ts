/**
 * Errors that say "the database or network is down", not "this message is bad". They must not send
 * a message to the DLQ: the batch is retried once the outage is over.
 */
export function isInfrastructureError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (/^(08|57P|53)/.test(code)) return true; // connection exceptions, operator intervention, insufficient resources
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code)) return true;
  }
  return typeof message === 'string' && /Connection terminated|connection is closed|Client has encountered a connection error/i.test(message);
}
