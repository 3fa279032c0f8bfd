import { randomBytes } from 'node:crypto';
import { Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { createKafka, fetchTopicWatermarks } from '@giftflow/messaging';
import { PATIENT_WAIT_MS } from './wait-for';

export const testBrokers = () => (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/**
 * The tag of one test run (`npm test` sets it for all of Jest's workers and the processes they spawn), first in
 * every test topic's name so the run can delete the topics it created when it ends: each partition costs the shared
 * broker open files, and it has a ceiling (deploy/kafka/kafka.sh, `logs`).
 */
export const testRunTag = (): string => (process.env.GIFTFLOW_TEST_RUN ??= `r${randomBytes(3).toString('hex')}`);

/** A topic prefix of its own for each test file, so runs and files never see each other's events. */
export const uniquePrefix = (label: string) => `test.${testRunTag()}.${label}.${randomBytes(4).toString('hex')}.`;

export function testKafka(clientId = 'giftflow-test', brokers = testBrokers()): Kafka {
  return createKafka({ clientId, brokers });
}

/** Reads every message currently on a topic (from the beginning) with a throwaway group. */
export async function readTopic(kafka: Kafka, topic: string, expected: number, timeoutMs = PATIENT_WAIT_MS): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: `reader-${randomBytes(6).toString('hex')}`, maxWaitTimeInMs: 500 });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read ${messages.length}/${expected} messages from ${topic}`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          messages.push(message);
          if (messages.length >= expected) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

export { logLevel };

/**
 * Deletes every topic whose name starts with `prefix` (a test's uniquePrefix, or a whole run's `test.<run>.`): each
 * partition holds files open on the shared broker, so tests remove what they made. Best effort: a failure is
 * reported, not thrown, as no test's verdict depends on it. Answers how many topics went.
 */
export async function deleteTopicsWithPrefix(kafka: Kafka, prefix: string): Promise<number> {
  if (!/^test\./.test(prefix)) throw new Error(`refusing to delete topics under ${prefix}: test topics start with "test."`);
  const admin = kafka.admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    for (let i = 0; i < topics.length; i += 200) await admin.deleteTopics({ topics: topics.slice(i, i + 200), timeout: 60_000 });
    return topics.length;
  } catch (error) {
    console.warn(`could not delete the topics under ${prefix}: ${(error as Error).message}`);
    return 0;
  } finally {
    await admin.disconnect();
  }
}

/** How many messages a topic has ever held: its partitions' high watermarks, summed. */
export async function topicMessageCount(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await fetchTopicWatermarks(admin, topic)).reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

/** What a consumer group has committed on a topic, summed over its partitions (0 where it committed nothing). */
export async function committedOffsets(kafka: Kafka, groupId: string, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  } finally {
    await admin.disconnect();
  }
}

// Reads a topic in full (every message up to its high watermarks): lives in libs/messaging for `npm run dlq`.
export { type ReadMessage, readWholeTopic } from '@giftflow/messaging';
