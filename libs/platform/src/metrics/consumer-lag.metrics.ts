import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Admin, Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { KAFKA, fetchTopicWatermarks, storedOffsets } from '@giftflow/messaging';
import { ServiceMetrics } from './service-metrics';

export interface PartitionLag {
  consumer: string;
  group: string;
  topic: string;
  partition: number;
  lag: number;
}

/** Under Prometheus' default 10 s scrape timeout; the gauge is left out of a scrape that would take longer. */
const ADMIN_TIMEOUT_MS = 5000;

/**
 * `giftflow_consumer_lag`: per partition, the topic's end offset minus the group's position (the whole partition
 * when it has none), measured when /metrics is scraped, for every consumer group running in this app. The
 * position is the one the EventConsumer stores in this service's database (`consumer_offsets`), else the
 * group's Kafka committed offset (reporting's projections, groups from before positions moved to the database).
 */
@Injectable()
export class ConsumerLagMetrics implements OnModuleInit, OnApplicationShutdown {
  private admin: Admin | null = null;
  private connecting: Promise<Admin> | null = null;
  private closed = false;

  constructor(
    private readonly metrics: ServiceMetrics,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
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
    const measuring = this.measure(groups);
    // A slow answer is left to finish (its connection is kept); a failed one drops the connection.
    measuring.catch(() => this.close());
    return withTimeout(measuring, ADMIN_TIMEOUT_MS).catch(() => []); // no value rather than a failed scrape
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.close();
  }

  private async measure(groups: { consumer: string; groupId: string; topics: string[] }[]): Promise<PartitionLag[]> {
    const admin = await this.connected();
    const topics = [...new Set(groups.flatMap((g) => g.topics))];
    const ends = new Map<string, { low: number; high: number }>();
    for (const topic of topics) {
      for (const p of await fetchTopicWatermarks(admin, topic)) ends.set(`${topic}:${p.partition}`, { low: Number(p.low), high: Number(p.high) });
    }
    const stored = new Map((await storedOffsets(this.dataSource)).map((o) => [`${o.group}:${o.topic}:${o.partition}`, o.offset]));
    const out: PartitionLag[] = [];
    for (const group of groups) {
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId: group.groupId, topics: group.topics })) {
        for (const p of partitions) {
          const end = ends.get(`${topic}:${p.partition}`);
          if (!end) continue;
          const committed = Number(stored.get(`${group.groupId}:${topic}:${p.partition}`) ?? p.offset);
          const position = committed < 0 ? end.low : committed;
          out.push({ consumer: group.consumer, group: group.groupId, topic, partition: p.partition, lag: Math.max(0, end.high - position) });
        }
      }
    }
    return out;
  }

  private async connected(): Promise<Admin> {
    if (this.admin) return this.admin;
    this.connecting ??= (async () => {
      const admin = this.kafka.admin();
      try {
        await admin.connect();
      } finally {
        this.connecting = null;
      }
      if (this.closed) {
        await admin.disconnect(); // the app stopped while it connected
        throw new Error('stopped');
      }
      this.admin = admin;
      return admin;
    })();
    return this.connecting;
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
