import { randomBytes } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { fetchTopicWatermarks } from '../kafka/topic-watermarks';

export interface ReadMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * Reads a topic in full: every message up to each partition's high watermark at the time of the call — not
 * "at least n", so a second letter or a duplicate cannot hide. An empty topic reads as [] at once.
 */
export async function readWholeTopic(kafka: Kafka, topic: string, timeoutMs = 20_000): Promise<ReadMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  let ends: Map<number, bigint>;
  try {
    ends = new Map((await fetchTopicWatermarks(admin, topic)).map((p) => [p.partition, BigInt(p.high)]));
  } finally {
    await admin.disconnect();
  }
  const owed = () => [...ends.values()].some((high) => high > 0n);
  if (!owed()) return [];
  const consumer = kafka.consumer({ groupId: `reader-${randomBytes(6).toString('hex')}`, maxWaitTimeInMs: 200 });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read ${messages.length} messages of ${topic}, not all`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          if (BigInt(message.offset) >= (ends.get(partition) ?? 0n)) return;
          messages.push({
            partition, offset: message.offset, key: message.key?.toString() ?? null, value: message.value?.toString() ?? null,
            headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
          });
          if (BigInt(message.offset) + 1n >= (ends.get(partition) ?? 0n)) ends.set(partition, 0n);
          if (!owed()) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return messages.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}
