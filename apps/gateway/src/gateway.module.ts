import { Module } from '@nestjs/common';
import { ObservabilityModule } from '@giftflow/platform';
import { GatewayHealthController } from './health/gateway-health.controller';

@Module({ imports: [ObservabilityModule.forService('gateway')], controllers: [GatewayHealthController] })
export class GatewayModule {}
