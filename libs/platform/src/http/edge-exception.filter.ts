import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';

/** A caller's own X-Correlation-Id is kept when it is a plain token; otherwise one is made. */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;
export function correlationIdOf(req: Pick<Request, 'headers'>): string {
  const given = req.headers['x-correlation-id'];
  return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
}

/**
 * PostgreSQL's "data exception" class (SQLSTATE 22…) for values a request carried that validation let through:
 * the request is at fault, so 400, not 500. A backstop only: the validation pipe and RequestInputGuard name the
 * field and should have caught it, so it is logged as a warning with the correlation id.
 */
const DATA_EXCEPTIONS: Record<string, string> = {
  '22P02': 'a value in the request is not of the type its field needs',
  '22001': 'a value in the request is too long for its field',
  '22003': 'a number in the request is out of range',
  '22021': 'a value in the request contains characters that cannot be stored',
  '22P05': 'a value in the request contains characters that cannot be stored',
  '22007': 'a date in the request is not valid',
  '22008': 'a date in the request is out of range',
};

/**
 * PostgreSQL's "aborted by a concurrent transaction" errors (serialization failure, deadlock, lock not available):
 * the request did nothing wrong and nothing of it was committed, so 409 "retry it" (as gRPC's ABORTED maps to 409),
 * not 500. Reads are first read again by TransientRetryInterceptor; a write's retry is the client's, with its
 * Idempotency-Key.
 */
const CONCURRENCY_ABORTS = new Set(['40001', '40P01', '55P03']);

/**
 * A dependency that is down or overloaded — the broker (kafkajs' connection, timeout and retries-exhausted errors, and
 * any error kafkajs marks retriable),
 * PostgreSQL's connection classes (08…, 57P01–57P03 shut down, 53300 too many connections) or a refused socket: the
 * request may well succeed in a moment, so 503 with Retry-After, not 500. Seen under load on `POST /admin/rebuild`.
 */
const UNAVAILABLE_KAFKA_ERRORS = new Set([
  'KafkaJSConnectionError', 'KafkaJSConnectionClosedError', 'KafkaJSRequestTimeoutError', 'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSBrokerNotFound', 'KafkaJSLockTimeout', 'KafkaJSTimeout',
]);
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
export function isDependencyUnavailable(exception: unknown): boolean {
  if (typeof exception !== 'object' || exception === null) return false;
  const { name, code, driverError } = exception as { name?: unknown; code?: unknown; driverError?: { code?: unknown } };
  if (typeof name === 'string' && UNAVAILABLE_KAFKA_ERRORS.has(name)) return true;
  // What kafkajs itself calls retriable (a leader moving, a coordinator loading) still failing at the edge.
  if (typeof name === 'string' && name.startsWith('KafkaJS') && (exception as { retriable?: unknown }).retriable === true) return true;
  const sqlState = driverError?.code ?? code;
  return typeof sqlState === 'string' && (UNAVAILABLE_SQLSTATES.test(sqlState) || UNAVAILABLE_SOCKET_CODES.has(sqlState));
}
const RETRY_AFTER_SECONDS = 5;

type Reply = { status: number; body: Record<string, unknown>; retryAfter?: number };

/**
 * The global exception filter of every app. An HttpException answers as thrown; a 4xx error from Express
 * itself (malformed JSON, a body over the limit, a path that is not valid percent-encoding) answers with its
 * status and a JSON message; anything else is a 500 whose body and log line carry a correlation id, never
 * the raw error.
 */
@Catch()
@Injectable()
export class EdgeExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const reply = this.replyFor(exception, req);
    if (res.headersSent) {
      res.destroy(); // a stream broke midway: the status is gone, end the connection so the client sees it
      return;
    }
    if (typeof reply.body.correlationId === 'string') res.setHeader('x-correlation-id', reply.body.correlationId);
    if (reply.retryAfter !== undefined) res.setHeader('retry-after', String(reply.retryAfter));
    this.adapterHost.httpAdapter.reply(res, reply.body, reply.status);
  }

  private replyFor(exception: unknown, req: Request): Reply {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const given = exception.getResponse();
      const body: Record<string, unknown> = typeof given === 'string' ? { statusCode: status, message: given } : { ...(given as object) };
      if (body.message === undefined || body.message === '') body.message = STATUS_CODES[status] ?? 'Error';
      if (status >= 500) body.correlationId ??= this.logServerError(exception, req, status);
      return { status, body };
    }
    const status = statusOf(exception);
    if (status !== undefined && status >= 400 && status < 500) {
      const message = (exception as { expose?: boolean }).expose !== false && exception instanceof Error ? exception.message : STATUS_CODES[status];
      return { status, body: { statusCode: status, error: STATUS_CODES[status], message } };
    }
    const sqlState = (exception as { driverError?: { code?: unknown } })?.driverError?.code;
    if (typeof sqlState === 'string' && DATA_EXCEPTIONS[sqlState]) {
      const correlationId = correlationIdOf(req);
      this.logger.warn(`${correlationId} ${req.method} ${req.originalUrl ?? req.url}: PostgreSQL ${sqlState} reached the database, `
        + `validation should have caught it: ${(exception as Error).message}`);
      return { status: 400, body: { statusCode: 400, error: 'Bad Request', message: [DATA_EXCEPTIONS[sqlState]], correlationId } };
    }
    if (typeof sqlState === 'string' && CONCURRENCY_ABORTS.has(sqlState)) {
      const correlationId = correlationIdOf(req);
      this.logger.warn(`${correlationId} ${req.method} ${req.originalUrl ?? req.url} → 409: PostgreSQL ${sqlState} ${(exception as Error).message}`);
      return { status: 409, body: { statusCode: 409, error: 'Conflict', message: 'the request conflicted with a concurrent change; retry it', correlationId } };
    }
    if (isDependencyUnavailable(exception)) {
      const correlationId = this.logServerError(exception, req, 503);
      return {
        status: HttpStatus.SERVICE_UNAVAILABLE,
        body: { statusCode: 503, error: 'Service Unavailable', message: 'a service this request needs is unavailable; retry it shortly', correlationId },
        retryAfter: RETRY_AFTER_SECONDS,
      };
    }
    const correlationId = this.logServerError(exception, req, 500);
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error', correlationId },
    };
  }

  private logServerError(exception: unknown, req: Request, status: number): string {
    const correlationId = correlationIdOf(req);
    const detail = exception instanceof Error ? exception.stack ?? exception.message : String(exception);
    this.logger.error(`${correlationId} ${req.method} ${req.originalUrl ?? req.url} → ${status}: ${detail}`);
    return correlationId;
  }
}

/** The status an Express-level error carries (body-parser's, the router's URIError), http-errors style. */
function statusOf(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { status, statusCode } = exception as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' ? value : undefined;
}
