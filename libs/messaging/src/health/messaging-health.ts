/** How one moving part of the backbone (a consumer, the relay) is doing, for /health and for metrics. */
export interface ComponentHealth {
  /** `consumer:<name>` or `relay`. */
  name: string;
  /** False while it cannot do its work: /health (readiness) then answers 503. */
  ready: boolean;
  state: string;
  detail?: string;
}

export interface OutboxHealth {
  /** Rows Kafka refused for good, waiting for a person (docs/backbone.md). */
  parked: number;
  /** Rows waiting to be sent. */
  pending: number;
  /** Age of the oldest row waiting to be sent, 0 when none waits. */
  oldestUnpublishedSeconds: number;
}

export interface HealthSource {
  health(): ComponentHealth;
}

/**
 * The one place /health asks about consumers and the relay. Whatever runs a consumer or a relay registers it
 * here (MessagingModule does for the service's own, reporting for each generation's).
 */
export class MessagingHealth {
  private readonly sources = new Map<string, HealthSource>();
  private outbox: (() => Promise<OutboxHealth>) | null = null;

  register(name: string, source: HealthSource): void {
    this.sources.set(name, source);
  }

  unregister(name: string): void {
    this.sources.delete(name);
  }

  watchOutbox(stats: () => Promise<OutboxHealth>): void {
    this.outbox = stats;
  }

  components(): ComponentHealth[] {
    return [...this.sources.values()].map((s) => s.health());
  }

  outboxHealth(): Promise<OutboxHealth | null> {
    return this.outbox ? this.outbox() : Promise.resolve(null);
  }
}
