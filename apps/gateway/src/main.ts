import 'reflect-metadata';
import { bootstrapService } from '@giftflow/platform';
import { GatewayModule } from './gateway.module';

void bootstrapService('gateway', GatewayModule, { defaultPort: 3000 });
