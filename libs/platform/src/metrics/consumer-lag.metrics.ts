import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Admin, Kafka } from 'kafkajs';
import { KAFKA } from '@giftflow/messaging';
import { ServiceMetrics } from './service-metrics';

export interface PartitionLag {
  consumer: string;
  group: string;
  topic: string;
  partition: number;
  lag: number;
}

const ADMIN_TIMEOUT_MS = 3000;

/**
 * `giftflow_consumer_lag`: per partition, the topic's end offset minus what the group has committed (the
 * whole partition when it has committed nothing), asked of Kafka when /metrics is scraped, for every
 * consumer group running in this app.
 */
@Injectable()
export class ConsumerLagMetrics implements OnModuleInit, OnApplicationShutdown {
  private admin: Admin | null = null;

  constructor(
    private readonly metrics: ServiceMetrics,
    @Inject(KAFKA) private readonly kafka: Kafka,
  ) {}

  onModuleInit(): void {
    const measure = () => this.lag();
    this.metrics.scrapeGauge({
      name: 'giftflow_consumer_lag',
      help: 'Messages on a partition the consumer group has not committed yet',
      labelNames: ['consumer', 'group', 'topic', 'partition'],
      async collect() {
        this.reset();
        for (const p of await measure()) this.set({ consumer: p.consumer, group: p.group, topic: p.topic, partition: String(p.partition) }, p.lag);
      },
    });
  }

  async lag(): Promise<PartitionLag[]> {
    const groups = [...this.metrics.consumerGroups.values()];
    if (groups.length === 0) return [];
    try {
      return await withTimeout(this.measure(groups), ADMIN_TIMEOUT_MS);
    } catch {
      await this.close(); // a fresh connection next scrape; no value rather than a failed scrape
      return [];
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  private async measure(groups: { consumer: string; groupId: string; topics: string[] }[]): Promise<PartitionLag[]> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    const admin = this.admin;
    const topics = [...new Set(groups.flatMap((g) => g.topics))];
    const ends = new Map<string, { low: number; high: number }>();
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}:${p.partition}`, { low: Number(p.low), high: Number(p.high) });
    }
    const out: PartitionLag[] = [];
    for (const group of groups) {
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId: group.groupId, topics: group.topics })) {
        for (const p of partitions) {
          const end = ends.get(`${topic}:${p.partition}`);
          if (!end) continue;
          const committed = Number(p.offset);
          const position = committed < 0 ? end.low : committed;
          out.push({ consumer: group.consumer, group: group.groupId, topic, partition: p.partition, lag: Math.max(0, end.high - position) });
        }
      }
    }
    return out;
  }

  private async close(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    await admin?.disconnect().catch(() => undefined);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}
