import { Module } from '@nestjs/common';
import { GatewayHealthController } from './health/gateway-health.controller';

@Module({ controllers: [GatewayHealthController] })
export class GatewayModule {}
