import { randomUUID } from 'node:crypto';
import { Kafka, Message, Partitioners } from 'kafkajs';
import { DonorRegisteredV1 } from '@giftflow/contracts';
import { OutboxTransaction, ensureTopics } from '@giftflow/messaging';
import { uniquePrefix } from '@giftflow/testing';
import { groupJoined, log, progress, settings } from './bench-support';

export interface RawResult {
  produceMs: number;
  consumeMs: number;
  endToEndMs: number;
  messageBytes: number;
}

/**
 * The messages the relay would send for what writeDonorEvents commits: the same envelope (built by the
 * same OutboxTransaction.publish), the same key (the donor id) and the same headers.
 */
function relayLikeMessages(count: number): Message[] {
  const tx = new OutboxTransaction(null as never, 'donors', '', { actor: 'test', correlationId: randomUUID(), causationId: null });
  return Array.from({ length: count }, () => {
    const donorId = randomUUID();
    const event = tx.publish(DonorRegisteredV1, donorId, { donorId, kind: 'business' });
    return {
      key: donorId,
      value: JSON.stringify(event),
      headers: { 'event-id': event.id, 'event-type': event.type, 'event-version': String(event.version), 'correlation-id': event.correlationId },
    };
  });
}

/** A plain eachBatch consumer that only counts, and notes when it joined its group and when the last batch came. */
async function countingConsumer(kafka: Kafka, topic: string, groupId: string) {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  let consumed = 0;
  let joinedAt = 0;
  let lastAt = 0;
  consumer.on(consumer.events.GROUP_JOIN, () => void (joinedAt = Date.now()));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: settings.partitions,
    eachBatch: async ({ batch }) => {
      consumed += batch.messages.length;
      lastAt = Date.now();
    },
  });
  await groupJoined(kafka, groupId);
  return {
    times: () => ({ joinedAt, lastAt }),
    /** Waits for everything, stops, and checks nothing arrived twice. */
    async finish(what: string, expected: number) {
      await progress(what, expected, async () => consumed);
      await consumer.disconnect();
      if (consumed !== expected) throw new Error(`${what}: ${consumed} messages consumed, ${expected} produced`);
    },
  };
}

/** Raw kafkajs on a fresh topic: produce (acks=all, sendBatch) with a consumer already attached, then a cold re-read. */
export async function rawKafkajs(kafka: Kafka): Promise<RawResult> {
  const { events, rawBatch } = settings;
  const topic = `${uniquePrefix('bench-raw')}donors.events`;
  await ensureTopics(kafka, [topic], settings.partitions);
  const messages = relayLikeMessages(events);
  const live = await countingConsumer(kafka, topic, `${topic}.live`);
  // The relay's producer settings, so the baseline differs from the backbone only by the backbone.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const start = Date.now();
  for (let i = 0; i < messages.length; i += rawBatch) {
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: messages.slice(i, i + rawBatch) }] });
  }
  const produceMs = Date.now() - start;
  await producer.disconnect();
  log(`raw: produced ${events} in ${produceMs} ms`);
  await live.finish('raw consumed (live)', events);
  const endToEndMs = live.times().lastAt - start;
  // Consume throughput alone: a new group reads the whole topic, timed from joining its group to the last batch.
  const cold = await countingConsumer(kafka, topic, `${topic}.cold`);
  await cold.finish('raw consumed (re-read)', events);
  const { joinedAt, lastAt } = cold.times();
  return { produceMs, consumeMs: lastAt - joinedAt, endToEndMs, messageBytes: Buffer.byteLength(messages[0].value as string) };
}
