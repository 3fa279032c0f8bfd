import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { json } from 'express';
import helmet from 'helmet';
import type { Server } from 'node:http';
import { httpObservers, maxBodyBytes } from '@giftflow/platform';
import { serveConsole } from './console/serve-console';
import { forwardAheadOfExpress, securityHeadersOf } from './forwarding/forward-ahead-of-express';
import { mountServiceProxies } from './forwarding/mount-service-proxies';
import { SessionToBearerMiddleware } from './sessions/session-to-bearer.middleware';

/**
 * The gateway's Express set-up, before it listens: security headers on every answer; the console's files (open
 * to anyone, like the sign-in they show); cookies read, and a console session turned into a bearer token
 * (SessionToBearerMiddleware); JSON bodies parsed for its own /api/auth routes only (everything else streams
 * through untouched); then the forwarding, which API clients' requests reach ahead of Express
 * (forwardAheadOfExpress: the same observers, headers and proxies, less CPU). GATEWAY_TRUST_PROXY (Express' "trust proxy") when it runs behind a
 * proxy, so the log-in rate limit counts the client's address, not the proxy's.
 */
export function configureGateway(app: INestApplication, env: NodeJS.ProcessEnv = process.env): void {
  const securityHeaders = helmet();
  app.use(securityHeaders);
  if (env.GATEWAY_TRUST_PROXY) (app as NestExpressApplication).set('trust proxy', env.GATEWAY_TRUST_PROXY);
  serveConsole(app, env);
  app.use(cookieParser());
  const sessions = app.get(SessionToBearerMiddleware);
  app.use((req: Parameters<SessionToBearerMiddleware['use']>[0], res: Parameters<SessionToBearerMiddleware['use']>[1], next: (e?: unknown) => void) => {
    sessions.use(req, res, next).catch(next);
  });
  app.use('/api/auth', json({ limit: maxBodyBytes(env) }));
  const routes = mountServiceProxies(app, env);
  forwardAheadOfExpress(app.getHttpServer() as Server, routes, { observers: httpObservers(app), headers: securityHeadersOf(securityHeaders) });
}
