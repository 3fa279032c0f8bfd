import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { KafkaHealth } from '@giftflow/messaging';

/** GET /health: 200 when the database and Kafka both answer, 503 with which one does not. */
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kafka: KafkaHealth,
  ) {}

  @Get()
  @ApiOkResponse({ description: '{status: "ok", database: "up", kafka: "up"}' })
  @ApiServiceUnavailableResponse({ description: '{status: "degraded", …} naming which of database and kafka is down' })
  async health(@Res({ passthrough: true }) res: Response) {
    const [database, kafka] = await Promise.all([this.database(), this.kafka.check()]);
    const ok = database === 'up' && kafka === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', database, kafka };
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
