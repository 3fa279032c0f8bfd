import { INestApplication } from '@nestjs/common';
import helmet from 'helmet';
import { serveConsole } from './console/serve-console';
import { mountServiceProxies } from './forwarding/mount-service-proxies';

/** The gateway's Express set-up, before it listens: security headers on every answer, the console, then the forwarding. */
export function configureGateway(app: INestApplication, env: NodeJS.ProcessEnv = process.env): void {
  app.use(helmet());
  serveConsole(app, env);
  mountServiceProxies(app, env);
}
