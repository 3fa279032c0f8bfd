import { BeforeApplicationShutdown, DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, Optional, Type } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventDefinition, Publisher, TOPICS, dlqTopicOf } from '@giftflow/contracts';
import type { z } from 'zod';
import { EventConsumer } from './consumer/event-consumer';
import { EventHandler, Subscription, SubscriptionOptions, on } from './consumer/subscription';
import { guardPostgresClients } from './database/guard-postgres-clients';
import { MessagingHealth } from './health/messaging-health';
import { ensureTopics } from './kafka/ensure-topics';
import { KafkaHealth } from './kafka/kafka-health';
import { KafkaSettings, createKafka, kafkaSettingsFromEnv } from './kafka/kafka.config';
import { MESSAGING_METRICS, MessagingMetrics, NO_MESSAGING_METRICS } from './observability/messaging-metrics';
import { OutboxPruner, outboxRetentionDaysFromEnv } from './outbox/outbox-pruner';
import { OutboxRelay, withDeadline } from './outbox/outbox-relay';
import { UnitOfWork } from './transaction/unit-of-work';

type AnyDefinition = EventDefinition<string, number, z.ZodType>;

/** A line of a service's subscriptions file: this event goes to this handler class. */
export interface HandlerSubscription {
  on: AnyDefinition;
  handler: Type<EventHandler<AnyDefinition>>;
  options?: SubscriptionOptions;
}

export function subscribe<D extends AnyDefinition>(definition: D, handler: Type<EventHandler<D>>, options?: SubscriptionOptions): HandlerSubscription {
  return { on: definition, handler: handler as unknown as Type<EventHandler<AnyDefinition>>, options };
}

export interface MessagingModuleOptions {
  service: Publisher | 'reporting';
  /** Publishers whose topics this service consumes. */
  consumes?: Publisher[];
  subscriptions?: HandlerSubscription[];
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA_SETTINGS = Symbol('KAFKA_SETTINGS');
export const KAFKA = Symbol('KAFKA');

/** The whole shutdown's budget (docs/backbone.md, "Shutdown"); MESSAGING_SHUTDOWN_MS overrides it. */
const shutdownBudgetMs = () => Number(process.env.MESSAGING_SHUTDOWN_MS ?? 10_000);

/**
 * Starts the relay and the consumer once the app (and its migrations) is up. Shuts down in the promised order
 * (docs/backbone.md, trap 25: Nest would otherwise close HTTP only after this hook): HTTP stops accepting, the consumer
 * finishes or rolls back its chunk, the relay sends what is committed (the consumer's last events included),
 * then connections close — all within MESSAGING_SHUTDOWN_MS (10 s), even with the broker down.
 */
@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private consumer: EventConsumer | null = null;
  private pruner: OutboxPruner | null = null;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(KAFKA_SETTINGS) private readonly settings: KafkaSettings,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly health: KafkaHealth,
    private readonly messagingHealth: MessagingHealth,
    private readonly moduleRef: ModuleRef,
    @Optional() @Inject(MESSAGING_METRICS) private readonly metrics: MessagingMetrics | null,
    @Optional() private readonly http?: HttpAdapterHost,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { service, consumes = [], subscriptions = [] } = this.options;
    guardPostgresClients(this.dataSource);
    const prefix = this.settings.topicPrefix;
    const own = service === 'reporting' ? [] : [prefix + TOPICS[service]];
    const consumed = consumes.map((p) => prefix + TOPICS[p]);
    await ensureTopics(this.kafka, [...own, ...consumed].flatMap((t) => [t, dlqTopicOf(t)]), this.settings.partitions);
    if (service !== 'reporting') {
      this.relay.start();
      this.pruner = new OutboxPruner(this.dataSource, { retentionDays: outboxRetentionDaysFromEnv(), logger: new Logger('OutboxPruner') });
      this.pruner.start();
      this.messagingHealth.register('relay', this.relay);
      this.messagingHealth.watchOutbox(() => this.relay.outboxHealth());
    }
    if (subscriptions.length > 0) {
      this.consumer = new EventConsumer(this.kafka, this.dataSource, {
        name: service,
        source: service === 'reporting' ? null : service,
        topics: consumed,
        topicPrefix: prefix,
        subscriptions: subscriptions.map((s) => this.bind(s)),
        partitionsConsumedConcurrently: this.settings.partitionsConcurrently,
        onPublished: () => this.relay.wake(),
        metrics: this.metrics ?? NO_MESSAGING_METRICS,
      });
      this.messagingHealth.register(`consumer:${service}`, this.consumer);
      await this.consumer.start();
    }
    this.logger.log(`${service}: publishing ${own.join(', ') || 'nothing'}; consuming ${consumed.join(', ') || 'nothing'}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const deadline = Date.now() + shutdownBudgetMs();
    await withDeadline(this.stopAcceptingRequests(), deadline);
    await withDeadline(this.consumer?.stop() ?? Promise.resolve(), deadline);
    await withDeadline(this.relay.stop(), deadline);
    await withDeadline(this.pruner?.stop() ?? Promise.resolve(), deadline);
    await withDeadline(this.health.close(), deadline);
  }

  /** Closes the listening socket (requests in flight finish); Nest's own close later finds it closed. */
  private async stopAcceptingRequests(): Promise<void> {
    const server = this.http?.httpAdapter?.getHttpServer() as { listening?: boolean; close?: (cb: () => void) => void; closeIdleConnections?: () => void } | undefined;
    if (!server?.listening || !server.close) return;
    await new Promise<void>((resolve) => {
      server.close!(() => resolve());
      server.closeIdleConnections?.();
    });
  }

  private bind(s: HandlerSubscription): Subscription {
    const instance = this.moduleRef.get(s.handler, { strict: false });
    return on(s.on, (event, tx) => instance.handle(event, tx), s.options);
  }
}

@Module({})
export class MessagingModule {
  static forService(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: KAFKA_SETTINGS, useFactory: () => kafkaSettingsFromEnv(`giftflow-${options.service}`) },
        { provide: KAFKA, inject: [KAFKA_SETTINGS], useFactory: (s: KafkaSettings) => createKafka(s) },
        { provide: KafkaHealth, inject: [KAFKA], useFactory: (kafka: Kafka) => new KafkaHealth(kafka) },
        { provide: MessagingHealth, useFactory: () => new MessagingHealth() },
        {
          provide: OutboxRelay,
          inject: [getDataSourceToken(), KAFKA, { token: MESSAGING_METRICS, optional: true }],
          useFactory: (ds: DataSource, kafka: Kafka, metrics: MessagingMetrics | undefined) =>
            new OutboxRelay(ds, kafka, { logger: new Logger('OutboxRelay'), metrics }),
        },
        {
          provide: UnitOfWork,
          inject: [getDataSourceToken(), KAFKA_SETTINGS, OutboxRelay],
          useFactory: (ds: DataSource, s: KafkaSettings, relay: OutboxRelay) => {
            if (options.service === 'reporting') return null;
            return new UnitOfWork(ds, options.service, s.topicPrefix, () => relay.wake());
          },
        },
        MessagingLifecycle,
      ],
      exports: [UnitOfWork, KafkaHealth, MessagingHealth, KAFKA, KAFKA_SETTINGS],
    };
  }
}
