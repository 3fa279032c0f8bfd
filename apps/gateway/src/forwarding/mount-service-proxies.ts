import { INestApplication, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { UPSTREAM_NAMES, upstreamUrl } from '../upstreams';

/**
 * One origin for the console: `/api/<service>/…` goes to that service's same route, method, headers
 * (Idempotency-Key, X-Actor…) and body unchanged; the service's status and body come back as they are.
 * Mounted with Express' app.use, which strips the `/api/<service>` prefix from req.url before forwarding.
 */
export function mountServiceProxies(app: INestApplication, env: NodeJS.ProcessEnv = process.env): void {
  const logger = new Logger('Forwarding');
  for (const name of UPSTREAM_NAMES) {
    const target = upstreamUrl(name, env);
    app.use(
      `/api/${name}`,
      createProxyMiddleware<Request>({
        target,
        changeOrigin: true,
        proxyTimeout: 30_000,
        on: {
          // A service that is down or slow is a 502/504 with a JSON body saying which, not a hung request.
          error: (error, _req, res) => {
            logger.warn(`${name} at ${target}: ${error.message}`);
            if ('writeHead' in res && !res.headersSent) {
              const timedOut = (error as NodeJS.ErrnoException).code === 'ECONNRESET';
              res.writeHead(timedOut ? 504 : 502, { 'content-type': 'application/json' });
              res.end(JSON.stringify({ statusCode: timedOut ? 504 : 502, message: `${name} service is unavailable` }));
            }
          },
        },
      }),
    );
    logger.log(`/api/${name}/… → ${target}`);
  }
}
