import { Logger } from '@nestjs/common';
import { Counter, Gauge, GaugeConfiguration, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { GiftflowEvent } from '@giftflow/contracts';
import type { ConsumerGroupInfo, MessagingMetrics } from '@giftflow/messaging';

/**
 * One app's Prometheus registry (GET /metrics): process metrics, HTTP durations, and what the backbone
 * reports through the MessagingMetrics hooks. Gauges measured at scrape time are added by their owners
 * (outbox, consumer lag, reporting's rebuild). Names are listed in docs/observability.md.
 */
export class ServiceMetrics implements MessagingMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** The consumer groups running in this app, by consumer name: what lag is measured for. */
  readonly consumerGroups = new Map<string, ConsumerGroupInfo>();
  private readonly published: Counter<'topic' | 'type'>;
  private readonly publishFailures: Counter<'topic' | 'type'>;
  private readonly handled: Counter<'consumer' | 'type'>;
  private readonly deadLettered: Counter<'consumer' | 'topic' | 'reason'>;
  private readonly batches: Histogram<'kind' | 'name'>;
  private readonly eventLog = new Logger('EventConsumer');

  constructor(readonly service: string) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.published = new Counter({ name: 'giftflow_events_published_total', help: 'Outbox events the relay sent to Kafka', labelNames: ['topic', 'type'], registers });
    this.publishFailures = new Counter({
      name: 'giftflow_events_publish_failed_total', help: 'Outbox events in relay sends that failed (they stay unsent and are retried)', labelNames: ['topic', 'type'], registers,
    });
    this.handled = new Counter({ name: 'giftflow_events_handled_total', help: 'Events a consumer handled and committed', labelNames: ['consumer', 'type'], registers });
    this.deadLettered = new Counter({
      name: 'giftflow_events_dead_lettered_total', help: 'Messages a consumer sent to <topic>.dlq', labelNames: ['consumer', 'topic', 'reason'], registers,
    });
    this.batches = new Histogram({
      name: 'giftflow_backbone_batch_duration_seconds',
      help: 'A relay round (kind=relay) or a consumer chunk (kind=consumer), from claim or fetch to commit',
      labelNames: ['kind', 'name'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
  }

  /** A gauge whose value is measured when /metrics is scraped. */
  scrapeGauge<L extends string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
    return new Gauge({ ...config, registers: [this.registry] });
  }

  eventsPublished(rows: { topic: string; type: string }[]): void {
    for (const row of rows) this.published.inc({ topic: row.topic, type: row.type });
  }

  publishFailed(rows: { topic: string; type: string }[]): void {
    for (const row of rows) this.publishFailures.inc({ topic: row.topic, type: row.type });
  }

  eventsHandled(consumer: string, events: GiftflowEvent[]): void {
    for (const event of events) {
      this.handled.inc({ consumer, type: `${event.type}.v${event.version}` });
      // One debug line per event (LOG_LEVEL=debug), with the event's correlation id like the handler's own lines.
      this.eventLog.debug({ msg: `${consumer} handled ${event.type}.v${event.version}`, consumer, eventId: event.id, correlationId: event.correlationId });
    }
  }

  eventDeadLettered(consumer: string, topic: string, reason: 'schema' | 'handler'): void {
    this.deadLettered.inc({ consumer, topic, reason });
  }

  batchDone(kind: 'relay' | 'consumer', name: string, _size: number, seconds: number): void {
    this.batches.observe({ kind, name }, seconds);
  }

  consumerStarted(group: ConsumerGroupInfo): void {
    this.consumerGroups.set(group.consumer, group);
  }

  consumerStopped(consumer: string): void {
    this.consumerGroups.delete(consumer);
  }
}
