import { Kafka, KafkaConfig, logLevel } from 'kafkajs';
import { wholeNumberFromEnv } from '../config/whole-number-from-env';

/** Everything the backbone reads from the environment, in one place. */
export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Partitions of each topic created at start-up (default 6). */
  partitions: number;
  topicPrefix: string;
  /** Partitions a service's consumer handles at the same time (KAFKA_PARTITIONS_CONCURRENTLY; EventConsumer's default when unset). */
  partitionsConcurrently?: number;
}

export function kafkaSettingsFromEnv(clientId: string, env: NodeJS.ProcessEnv = process.env): KafkaSettings {
  return {
    brokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean),
    clientId,
    partitions: Number(env.KAFKA_PARTITIONS ?? 6),
    topicPrefix: env.KAFKA_TOPIC_PREFIX ?? '',
    partitionsConcurrently: wholeNumberFromEnv(env, 'KAFKA_PARTITIONS_CONCURRENTLY', 1, 'a positive integer'),
  };
}

/** The client configuration of every Kafka the backbone makes: plain data, so a worker thread can make the same one. */
export function kafkaConfigOf(settings: Pick<KafkaSettings, 'brokers' | 'clientId'>): KafkaConfig {
  return {
    clientId: settings.clientId,
    brokers: [...settings.brokers],
    logLevel: logLevel.WARN,
    // Retries with backoff up to ~30 s, so a broker restart is ridden out rather than fatal.
    retry: { initialRetryTime: 200, retries: 10, maxRetryTime: 5000 },
  };
}

/** The configuration each Kafka made by createKafka was made with (kafkajs does not give it back). */
const configs = new WeakMap<Kafka, KafkaConfig>();

export function createKafka(settings: Pick<KafkaSettings, 'brokers' | 'clientId'>): Kafka {
  const config = kafkaConfigOf(settings);
  const kafka = new Kafka(config);
  configs.set(kafka, config);
  return kafka;
}

/** What `kafka` was made with, when createKafka made it (the relay then runs its producer on a thread: outbox-relay.ts). */
export const kafkaConfigFor = (kafka: Kafka): KafkaConfig | undefined => configs.get(kafka);
