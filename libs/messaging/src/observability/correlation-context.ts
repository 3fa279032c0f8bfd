import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The correlation id of the work in progress: an HTTP request's (set by libs/platform's middleware from
 * X-Correlation-Id) or the event a consumer is handling. UnitOfWork copies it into the events it publishes,
 * and the log lines written meanwhile carry it (docs/observability.md).
 */
const storage = new AsyncLocalStorage<{ correlationId: string }>();

export function runWithCorrelationId<T>(correlationId: string, work: () => T): T {
  return storage.run({ correlationId }, work);
}

export function currentCorrelationId(): string | null {
  return storage.getStore()?.correlationId ?? null;
}
