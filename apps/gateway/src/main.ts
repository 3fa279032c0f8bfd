import 'reflect-metadata';
import { bootstrapService } from '@giftflow/platform';
import { mountServiceProxies } from './forwarding/mount-service-proxies';
import { GatewayModule } from './gateway.module';

// No body parser: the gateway forwards request bodies untouched and has no JSON endpoints of its own.
void bootstrapService('gateway', GatewayModule, { defaultPort: 3000, nest: { bodyParser: false }, configure: mountServiceProxies });
