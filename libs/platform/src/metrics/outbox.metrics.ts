import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ServiceMetrics } from './service-metrics';

/** The outbox's backlog and the age of its oldest unsent row, queried when /metrics is scraped. */
@Injectable()
export class OutboxMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: ServiceMetrics,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    let last: Promise<{ backlog: number; age: number } | null> | null = null;
    // Both gauges come from one query per scrape.
    const measure = () => (last ??= this.query().finally(() => setImmediate(() => (last = null))));
    this.metrics.scrapeGauge({
      name: 'giftflow_outbox_backlog',
      help: 'Outbox rows not yet published',
      async collect() {
        const m = await measure();
        if (m) this.set(m.backlog);
        else this.reset();
      },
    });
    this.metrics.scrapeGauge({
      name: 'giftflow_outbox_oldest_unpublished_age_seconds',
      help: 'Age of the oldest unpublished outbox row (0 when none)',
      async collect() {
        const m = await measure();
        if (m) this.set(m.age);
        else this.reset();
      },
    });
  }

  private async query(): Promise<{ backlog: number; age: number } | null> {
    try {
      const [row]: { backlog: string; age: string | null }[] = await this.dataSource.query(
        `SELECT count(*) AS backlog, extract(epoch FROM now() - min(created_at)) AS age FROM outbox WHERE published_at IS NULL`);
      return { backlog: Number(row.backlog), age: Math.max(0, Number(row.age ?? 0)) };
    } catch {
      return null; // database unreachable: no value rather than a failed scrape (see /health)
    }
  }
}
