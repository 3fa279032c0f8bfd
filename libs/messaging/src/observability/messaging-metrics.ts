import type { GiftflowEvent } from '@giftflow/contracts';

/** A consumer group and the topics it reads: what consumer lag is measured for. */
export interface ConsumerGroupInfo {
  consumer: string;
  groupId: string;
  topics: string[];
}

/**
 * What the backbone reports as it works, for metrics (libs/platform implements it with prom-client; docs/observability.md).
 * The relay and the consumers call it at fixed points; every method must be cheap and must not throw.
 */
export interface MessagingMetrics {
  /** The relay sent these outbox rows to Kafka (acknowledged, about to be marked sent). */
  eventsPublished(rows: { topic: string; type: string }[]): void;
  /** A relay send failed: these rows stay unsent and the relay backs off. */
  publishFailed(rows: { topic: string; type: string }[], error: unknown): void;
  /** A consumer's transaction committed with these events handled (inbox duplicates excluded). */
  eventsHandled(consumer: string, events: GiftflowEvent[]): void;
  /** A message went to `<topic>.dlq`. */
  eventDeadLettered(consumer: string, topic: string, reason: 'schema' | 'handler'): void;
  /** A relay round (claimed rows) or a consumer chunk (messages) finished. */
  batchDone(kind: 'relay' | 'consumer', name: string, size: number, seconds: number): void;
  /** A consumer joined its group / left it, so lag can be measured for the groups that run. */
  consumerStarted(group: ConsumerGroupInfo): void;
  consumerStopped(consumer: string): void;
}

/** Injection token for the app's MessagingMetrics (optional: without it nothing is measured). */
export const MESSAGING_METRICS = Symbol('MESSAGING_METRICS');

export const NO_MESSAGING_METRICS: MessagingMetrics = {
  eventsPublished: () => undefined,
  publishFailed: () => undefined,
  eventsHandled: () => undefined,
  eventDeadLettered: () => undefined,
  batchDone: () => undefined,
  consumerStarted: () => undefined,
  consumerStopped: () => undefined,
};
