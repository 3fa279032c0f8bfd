import 'reflect-metadata';
import { bootstrapService } from '@giftflow/platform';
import { serveApiDocs } from './docs/serve-api-docs';
import { mountServiceProxies } from './forwarding/mount-service-proxies';
import { GatewayModule } from './gateway.module';

// No body parser: the gateway forwards request bodies untouched and has no JSON endpoints of its own.
// /api/docs shows every service's OpenAPI document (a picker); the gateway's own is at /docs like every app's.
void bootstrapService('gateway', GatewayModule, { defaultPort: 3000, nest: { bodyParser: false }, configure: (app) => {
  mountServiceProxies(app);
  serveApiDocs(app);
} });
