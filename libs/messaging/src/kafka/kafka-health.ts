import { Admin, Kafka } from 'kafkajs';

/** Answers "can we reach the cluster?" for /health, reusing one admin connection. */
export class KafkaHealth {
  private admin: Admin | null = null;

  constructor(private readonly kafka: Kafka) {}

  async check(timeoutMs = 3000): Promise<'up' | 'down'> {
    try {
      this.admin ??= this.kafka.admin({ retry: { retries: 0 } });
      const probe = (async () => {
        await this.admin!.connect();
        const cluster = await this.admin!.describeCluster();
        return cluster.brokers.length > 0;
      })();
      const ok = await Promise.race([probe, new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs).unref())]);
      return ok ? 'up' : 'down';
    } catch {
      await this.close();
      return 'down';
    }
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    await admin?.disconnect().catch(() => undefined);
  }
}
