import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { runWithCorrelationId } from '@giftflow/messaging';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** What the event envelope accepts as a correlation id (a UUID); anything else is replaced by a fresh one. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Takes the request's `X-Correlation-Id` (or makes one), answers with it, passes it on (the gateway's proxies
 * forward it), and makes it the current one for the request: its log lines and the events it publishes carry it.
 * Plain Node types: the gateway also runs it ahead of Express (forwardAheadOfExpress).
 */
export function correlationIdMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const header = req.headers[CORRELATION_ID_HEADER];
  const given = (Array.isArray(header) ? header[0] : header)?.trim();
  const correlationId = given && UUID.test(given) ? given.toLowerCase() : randomUUID();
  req.headers[CORRELATION_ID_HEADER] = correlationId;
  (req as IncomingMessage & { id?: unknown }).id = correlationId; // the request log's id
  res.setHeader('X-Correlation-Id', correlationId);
  runWithCorrelationId(correlationId, next);
}
