import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { KafkaHealth, MessagingHealth } from '@giftflow/messaging';
import { PublicRoute } from '../auth/public-route.decorator';

/**
 * GET /health (readiness): 503 `unavailable` when the database or Kafka does not answer, or a consumer or the
 * relay is down (restarting, paused by an outage, stalled); 200 `degraded` when outbox rows are parked; else
 * 200 `ok`. GET /health/live (liveness): 200 while the process runs. See docs/api.md and docs/backbone.md.
 */
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kafka: KafkaHealth,
    private readonly messaging: MessagingHealth,
  ) {}

  @Get()
  @ApiOkResponse({ description: '{status: "ok", database: "up", kafka: "up"}' })
  @ApiServiceUnavailableResponse({ description: '{status: "degraded", …} naming which of database and kafka is down' })
  async health(@Res({ passthrough: true }) res: Response) {
    const [database, kafka] = await Promise.all([this.database(), this.kafka.check()]);
    const components = this.messaging.components();
    const outbox = database === 'up' ? await this.messaging.outboxHealth().catch(() => null) : null;
    const ready = database === 'up' && kafka === 'up' && components.every((c) => c.ready);
    const status = !ready ? 'unavailable' : outbox && outbox.parked > 0 ? 'degraded' : 'ok';
    res.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status, database, kafka, components, ...(outbox ? { outbox } : {}) };
  }

  @Get('live')
  @ApiOkResponse({ description: 'the process runs (liveness probe)' })
  live() {
    return { status: 'live' };
  }

  private async database(): Promise<'up' | 'down'> {
    try {
      await this.dataSource.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }
}
