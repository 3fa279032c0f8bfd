import { Controller, Get, Res } from '@nestjs/common';
import { PublicRoute } from '../auth/public-route.decorator';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ServiceMetrics } from './service-metrics';

/** Prometheus' scrape endpoint, open like /health (docs/observability.md). */
@PublicRoute()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get()
  @ApiOkResponse({ description: 'Prometheus text exposition of this process' })
  async scrape(@Res() res: Response): Promise<void> {
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
