import { INestApplication, Logger } from '@nestjs/common';
import { maxBodyBytes } from '@giftflow/platform';
import { UPSTREAM_NAMES, UpstreamName, upstreamUrl } from '../upstreams';
import { forwardTo } from './forward-to-service';

/** One service's forwarding: `/api/<name>/…` handled by `handle` (its own connection pool). */
export interface ForwardingRoute {
  name: UpstreamName;
  handle: ReturnType<typeof forwardTo>['handle'];
}

const positive = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, not ${env[name]}`);
  return value;
};

/**
 * One origin for the console: `/api/<service>/…` goes to that service's same route, method, headers
 * (Authorization, Idempotency-Key…; cookies stay at the gateway) and body unchanged; the service's status and body come back as they are.
 * Mounted with Express' app.use, which strips the `/api/<service>` prefix from req.url before forwarding.
 * MAX_BODY_BYTES (default 1 MiB), GATEWAY_UPSTREAM_TIMEOUT_MS (default 30 s) and GATEWAY_UPSTREAM_MAX_SOCKETS
 * (default 64 per service) bound what one request and one service may take. Returns the handlers, which
 * forwardAheadOfExpress also answers with.
 */
export function mountServiceProxies(app: INestApplication, env: NodeJS.ProcessEnv = process.env): ForwardingRoute[] {
  const logger = new Logger('Forwarding');
  return UPSTREAM_NAMES.map((name) => {
    const target = upstreamUrl(name, env);
    const { handle } = forwardTo({
      name,
      target,
      maxBodyBytes: maxBodyBytes(env),
      timeoutMs: positive(env, 'GATEWAY_UPSTREAM_TIMEOUT_MS', 30_000),
      maxSockets: positive(env, 'GATEWAY_UPSTREAM_MAX_SOCKETS', 64),
    });
    app.use(`/api/${name}`, handle);
    logger.log(`/api/${name}/… → ${target}`);
    return { name, handle };
  });
}
