import { Module } from '@nestjs/common';
import { HttpEdgeModule, ObservabilityModule } from '@giftflow/platform';
import { GatewayHealthController } from './health/gateway-health.controller';

@Module({ imports: [ObservabilityModule.forService('gateway'), HttpEdgeModule], controllers: [GatewayHealthController] })
export class GatewayModule {}
