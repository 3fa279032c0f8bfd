import { Logger } from '@nestjs/common';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { HttpObserver } from '@giftflow/platform';
import type { ForwardingRoute } from './mount-service-proxies';

export interface ForwardAheadOptions {
  /** The app's request observers (correlation id, duration metric, request log), run as Express would run them. */
  observers: HttpObserver[];
  /** The security headers every answer carries (helmet's, computed once: securityHeadersOf). */
  headers: ReadonlyArray<readonly [string, string]>;
}

type ForwardedRequest = IncomingMessage & { originalUrl?: string; baseUrl?: string };

/**
 * `/api/<service>/…` with a bearer token (or none) is answered without Express: the same observers, the same
 * security headers and the same forwarding (mountServiceProxies' handlers and pools), but none of Express' router,
 * its request and response decorations, the console's static lookup or the cookie parser — measured at about two
 * thirds of the gateway's CPU per forwarded request (BENCHMARKS.md). Everything else still goes to Express, where
 * the same proxies stay mounted: the console's requests (a session cookie and no Authorization header become a
 * bearer token there, with the CSRF check), any other spelling of the prefix, and every route of the gateway itself.
 * Call after the proxies are mounted and before listen.
 */
export function forwardAheadOfExpress(server: Server, routes: ForwardingRoute[], options: ForwardAheadOptions): void {
  const logger = new Logger('Forwarding');
  const express = server.listeners('request') as RequestListener[];
  if (express.length !== 1) throw new Error(`expected Express as the server's only request listener, found ${express.length}`);
  const [toExpress] = express;
  const byName = new Map<string, ForwardingRoute['handle']>(routes.map((route) => [route.name, route.handle]));
  const { observers, headers } = options;

  const forward = (req: ForwardedRequest, res: ServerResponse, handle: ForwardingRoute['handle'], at: number): void => {
    for (const [name, value] of headers) res.setHeader(name, value);
    const url = req.url as string;
    req.originalUrl = url;
    req.baseUrl = url.slice(0, at); // the duration metric's route: `/api/<service>/*`, as under Express
    req.url = at === url.length || url[at] === '?' ? `/${url.slice(at)}` : url.slice(at);
    let next = 0;
    const run = (): void => {
      const observer = observers[next++];
      if (observer) observer(req, res, run);
      else handle(req, res);
    };
    try {
      run();
    } catch (error) {
      logger.error(`forwarding ${req.method} ${url} failed: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error', correlationId: (req as { id?: unknown }).id }));
    }
  };

  server.removeListener('request', toExpress);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    // A console request (its session cookie, no token of its own) needs Express' session middleware.
    if (!url.startsWith('/api/') || (req.headers.cookie !== undefined && req.headers.authorization === undefined)) return toExpress(req, res);
    let at = 5;
    while (at < url.length && url[at] !== '/' && url[at] !== '?') at++;
    const handle = byName.get(url.slice(5, at));
    if (!handle) return toExpress(req, res);
    forward(req, res, handle, at);
  });
}

/** The headers a header-setting middleware (helmet) sets on every answer, found by running it once on a recorder. */
export function securityHeadersOf(middleware: (req: never, res: never, next: (error?: unknown) => void) => void): Array<[string, string]> {
  const set = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => set.set(name, String(value)),
    removeHeader: (name: string) => set.delete(name),
    getHeader: (name: string) => set.get(name),
  };
  let failed: unknown;
  middleware({ headers: {}, method: 'GET', url: '/' } as never, recorder as never, (error) => (failed = error));
  if (failed) throw failed;
  return [...set];
}
