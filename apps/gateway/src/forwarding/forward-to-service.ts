import { Logger } from '@nestjs/common';
import http, { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** Headers of one connection, not of the message: never forwarded either way (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade',
]);

export interface ForwardingOptions {
  /** The service's name, for messages: "inventory service is unavailable". */
  name: string;
  /** Its base URL, e.g. http://127.0.0.1:3002. */
  target: string;
  /** Request bodies larger than this are refused with 413 (checked on Content-Length and while streaming). */
  maxBodyBytes: number;
  /** A service silent for this long (no response, or a stalled one) is a 504. */
  timeoutMs: number;
  /** At most this many connections to the service at once; requests beyond wait for a free one. */
  maxSockets: number;
}

class UpstreamTimeout extends Error {}

/** A JSON error answer of the gateway itself (not the service's). */
function answer(res: ServerResponse, status: number, error: string, message: string, close = false): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ statusCode: status, error, message });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...(close ? { connection: 'close' } : {}) });
  res.end(body);
}

/** A copy without the hop-by-hop headers and those the Connection header names (a plain loop: it runs twice per request). */
function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const named = headers.connection ? headers.connection.toLowerCase().split(',').map((h) => h.trim()) : [];
  const kept: IncomingHttpHeaders = {};
  for (const name in headers) {
    if (!HOP_BY_HOP.has(name) && (named.length === 0 || !named.includes(name))) kept[name] = headers[name];
  }
  return kept;
}

/**
 * A streaming reverse proxy to one service over a keep-alive connection pool (node's http.Agent, bounded by
 * maxSockets). The request body is piped through as it arrives (counted, never buffered whole); the response
 * is piped back with the service's status and headers. Errors of the gateway itself are JSON: 413 body too
 * large, 502 service down, 504 service too slow. A GET that fails because the service closed an idle pooled
 * connection just as it was reused is retried once on a fresh one (nothing was sent that could be lost).
 */
export function forwardTo(options: ForwardingOptions): { handle: (req: IncomingMessage, res: ServerResponse) => void; agent: http.Agent } {
  const logger = new Logger('Forwarding');
  const target = new URL(options.target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets, scheduling: 'lifo' });
  const tooLarge = `request body is larger than ${options.maxBodyBytes} bytes`;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > options.maxBodyBytes) return answer(res, 413, 'Payload Too Large', tooLarge, true);
    const hasBody = declared > 0 || req.headers['transfer-encoding'] !== undefined;

    const headers = withoutHopByHop(req.headers);
    delete headers.cookie; // the console's session cookies are the gateway's: the service gets the bearer token made of them
    headers.host = target.host;
    if (req.headers['transfer-encoding'] !== undefined) headers['transfer-encoding'] = 'chunked'; // the body is re-chunked as it streams
    const clientIp = req.socket.remoteAddress ?? '';
    headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${clientIp}` : clientIp;
    headers['x-forwarded-host'] ??= req.headers.host;
    headers['x-forwarded-proto'] ??= 'http';

    let finished = false;
    let inFlight: http.ClientRequest | undefined;
    res.once('close', () => {
      if (!res.writableFinished) inFlight?.destroy(); // the client went away: stop the service's work on it
    });
    const send = (attempt: number): void => {
      const upstream = http.request({
        protocol: target.protocol, hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent,
      });
      inFlight = upstream;
      upstream.setTimeout(options.timeoutMs, () => upstream.destroy(new UpstreamTimeout()));

      upstream.once('response', (reply) => {
        const replyHeaders = withoutHopByHop(reply.headers);
        delete replyHeaders['x-powered-by'];
        res.writeHead(reply.statusCode ?? 502, replyHeaders);
        reply.pipe(res);
        reply.once('error', () => res.destroy());
        reply.once('aborted', () => res.destroy());
      });

      upstream.once('error', (error: NodeJS.ErrnoException) => {
        if (finished) return;
        if (!hasBody && attempt === 0 && upstream.reusedSocket && error.code === 'ECONNRESET' && !res.headersSent) return send(1);
        finished = true;
        if (error instanceof UpstreamTimeout) {
          logger.warn(`${options.name} at ${options.target}: no answer within ${options.timeoutMs} ms (${req.method} ${req.url})`);
          return answer(res, 504, 'Gateway Timeout', `${options.name} service did not answer within ${options.timeoutMs} ms`);
        }
        logger.warn(`${options.name} at ${options.target}: ${error.message}`);
        answer(res, 502, 'Bad Gateway', `${options.name} service is unavailable`);
      });

      if (!hasBody) {
        upstream.end();
        return;
      }
      let received = 0;
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > options.maxBodyBytes) {
          finished = true;
          req.removeAllListeners('data');
          req.resume(); // read and drop the rest; the answer closes the connection
          upstream.destroy();
          return answer(res, 413, 'Payload Too Large', tooLarge, true);
        }
        if (!upstream.write(chunk)) req.pause();
      });
      upstream.on('drain', () => req.resume());
      req.once('end', () => finished || upstream.end());
      req.once('aborted', () => upstream.destroy());
    };
    send(0);
  };
  return { handle, agent };
}
