import { BeforeApplicationShutdown, DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, Optional, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventDefinition, Publisher, TOPICS, dlqTopicOf } from '@giftflow/contracts';
import type { z } from 'zod';
import { EventConsumer } from './consumer/event-consumer';
import { EventHandler, Subscription, on } from './consumer/subscription';
import { ensureTopics } from './kafka/ensure-topics';
import { KafkaHealth } from './kafka/kafka-health';
import { KafkaSettings, createKafka, kafkaSettingsFromEnv } from './kafka/kafka.config';
import { MESSAGING_METRICS, MessagingMetrics, NO_MESSAGING_METRICS } from './observability/messaging-metrics';
import { OutboxRelay } from './outbox/outbox-relay';
import { UnitOfWork } from './transaction/unit-of-work';

type AnyDefinition = EventDefinition<string, number, z.ZodType>;

/** A line of a service's subscriptions file: this event goes to this handler class. */
export interface HandlerSubscription {
  on: AnyDefinition;
  handler: Type<EventHandler<AnyDefinition>>;
}

export function subscribe<D extends AnyDefinition>(definition: D, handler: Type<EventHandler<D>>): HandlerSubscription {
  return { on: definition, handler: handler as unknown as Type<EventHandler<AnyDefinition>> };
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

/** Starts the relay and the consumer once the app (and its migrations) is up; stops them first on shutdown. */
@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private consumer: EventConsumer | null = null;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(KAFKA_SETTINGS) private readonly settings: KafkaSettings,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly health: KafkaHealth,
    private readonly moduleRef: ModuleRef,
    @Optional() @Inject(MESSAGING_METRICS) private readonly metrics: MessagingMetrics | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { service, consumes = [], subscriptions = [] } = this.options;
    const prefix = this.settings.topicPrefix;
    const own = service === 'reporting' ? [] : [prefix + TOPICS[service]];
    const consumed = consumes.map((p) => prefix + TOPICS[p]);
    await ensureTopics(this.kafka, [...own, ...consumed].flatMap((t) => [t, dlqTopicOf(t)]), this.settings.partitions);
    if (service !== 'reporting') this.relay.start();
    if (subscriptions.length > 0) {
      this.consumer = new EventConsumer(this.kafka, this.dataSource, {
        name: service,
        source: service === 'reporting' ? null : service,
        topics: consumed,
        topicPrefix: prefix,
        subscriptions: subscriptions.map((s) => this.bind(s)),
        onPublished: () => this.relay.wake(),
        metrics: this.metrics ?? NO_MESSAGING_METRICS,
      });
      await this.consumer.start();
    }
    this.logger.log(`${service}: publishing ${own.join(', ') || 'nothing'}; consuming ${consumed.join(', ') || 'nothing'}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.relay.stop();
    await this.health.close();
  }

  private bind(s: HandlerSubscription): Subscription {
    const instance = this.moduleRef.get(s.handler, { strict: false });
    return on(s.on, (event, tx) => instance.handle(event, tx));
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
      exports: [UnitOfWork, KafkaHealth, KAFKA, KAFKA_SETTINGS],
    };
  }
}
