import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { STATUS_CODES, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { callerAuthorizationMiddleware } from '../auth/caller-authorization';

/** The largest request body accepted, by the gateway and by every service: MAX_BODY_BYTES, default 1 MiB. */
export function maxBodyBytes(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.MAX_BODY_BYTES ?? 1_048_576);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`MAX_BODY_BYTES must be a positive whole number of bytes, not ${env.MAX_BODY_BYTES}`);
  return value;
}

/**
 * What HttpEdgeModule cannot set from inside the module: the Express app and the server. No x-powered-by,
 * JSON/urlencoded bodies up to maxBodyBytes() (larger is a 413 JSON answer), and idle keep-alive connections
 * kept longer than the gateway's pool keeps them, so the gateway never reuses a socket a service just closed.
 * Call before listen (bootstrapService and startServiceForTest do).
 */
export function configureHttpEdge(app: INestApplication, options: { bodyParser?: boolean } = {}): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  express.use(callerAuthorizationMiddleware);
  if (options.bodyParser ?? true) {
    const limit = maxBodyBytes();
    express.useBodyParser('json', { limit });
    express.useBodyParser('urlencoded', { limit, extended: true });
  }
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('clientError', answerClientError);
}

/**
 * A request Node's HTTP parser refuses before any app code runs (headers over 16 KB, a malformed request line)
 * gets a JSON body like every other 4xx, instead of Node's bare status line.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const message = status === 431 ? 'request headers are too large' : status === 408 ? 'request timed out' : 'malformed HTTP request';
  const body = JSON.stringify({ statusCode: status, error: STATUS_CODES[status], message });
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n`
    + `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
