import 'reflect-metadata';
import { bootstrapService } from '@giftflow/platform';
import { configureGateway } from './configure-gateway';
import { GatewayModule } from './gateway.module';

// No body parser: the gateway streams request bodies through untouched and has no JSON endpoints of its own.
void bootstrapService('gateway', GatewayModule, { defaultPort: 3000, nest: { bodyParser: false }, configure: (app) => configureGateway(app) });
