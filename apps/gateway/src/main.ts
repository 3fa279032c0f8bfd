import 'reflect-metadata';
import { bootstrapService, databaseSettingsFor } from '@giftflow/platform';
import { configureGateway } from './configure-gateway';
import { serveApiDocs } from './docs/serve-api-docs';
import { GatewayModule } from './gateway.module';

// No body parser: the gateway streams request bodies through untouched; only its own /api/auth routes parse JSON.
// /api/docs shows every service's OpenAPI document (a picker); the gateway's own is at /docs like every app's.
void bootstrapService('gateway', GatewayModule, { defaultPort: 3000, database: databaseSettingsFor('gateway'), nest: { bodyParser: false }, configure: (app) => {
  serveApiDocs(app);
  configureGateway(app);
} });
