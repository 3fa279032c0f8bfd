import { Module } from '@nestjs/common';
import { HttpEdgeModule } from '@giftflow/platform';
import { GatewayHealthController } from './health/gateway-health.controller';

@Module({ imports: [HttpEdgeModule], controllers: [GatewayHealthController] })
export class GatewayModule {}
