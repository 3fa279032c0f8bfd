import { Injectable, OnModuleInit } from '@nestjs/common';
import { ServiceMetrics } from '@giftflow/platform';
import { RebuildStatus, RebuildStatusHandler } from './rebuild-status.handler';

/**
 * The rebuild's progress on /metrics, from the same figures as GET /admin/rebuild, measured at scrape time:
 * `giftflow_rebuild_in_progress`, `giftflow_rebuild_messages`, `giftflow_rebuild_replayed` (of the latest
 * generation) and `giftflow_rebuild_active_generation`.
 */
@Injectable()
export class RebuildStatusMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: ServiceMetrics,
    private readonly rebuild: RebuildStatusHandler,
  ) {}

  onModuleInit(): void {
    let last: Promise<RebuildStatus | null> | null = null;
    const status = () => (last ??= this.rebuild.status().catch(() => null).finally(() => setImmediate(() => (last = null))));
    const gauge = (name: string, help: string, value: (s: RebuildStatus) => number) => this.metrics.scrapeGauge({
      name, help, labelNames: ['generation'],
      async collect() {
        this.reset();
        const s = await status();
        if (s) this.set({ generation: String(s.generation) }, value(s));
      },
    });
    gauge('giftflow_rebuild_in_progress', '1 while a rebuild replays the topics, else 0', (s) => (s.status === 'rebuilding' ? 1 : 0));
    gauge('giftflow_rebuild_messages', 'Messages the latest generation replays (every partition, low to high watermark at its start)', (s) => s.progress.messages);
    gauge('giftflow_rebuild_replayed', 'Of those, how many it has handled and committed', (s) => s.progress.replayed);
    gauge('giftflow_rebuild_active_generation', 'The generation reports read', (s) => s.activeGeneration);
  }
}
