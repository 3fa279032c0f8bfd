import { randomUUID } from 'node:crypto';
import { Kafka, Message, Partitioners, Producer } from 'kafkajs';
import { Envelope, EventDefinition, EventOf, parseEvent, topicName } from '@giftflow/contracts';
import type { z } from 'zod';

type EnvelopeFields = Partial<Pick<Envelope, 'id' | 'occurredAt' | 'correlationId' | 'causationId' | 'actor'>>;

/**
 * An envelope of `definition` as its publisher's outbox would write it, for tests that feed a consumer
 * straight from the topic. It is checked against the contract, so a test never feeds an event the
 * consumer would dead-letter.
 */
export function envelopeOf<D extends EventDefinition<string, number, z.ZodType>>(
  definition: D,
  aggregateId: string,
  payload: z.input<D['payload']>,
  fields: EnvelopeFields = {},
): EventOf<D> {
  const envelope = {
    id: randomUUID(), type: definition.type, version: definition.version, source: definition.source, aggregateId,
    occurredAt: new Date().toISOString(), correlationId: randomUUID(), causationId: null, actor: 'test', payload, ...fields,
  };
  const parsed = parseEvent(envelope);
  if (!parsed.ok) throw new Error(`test event ${definition.key} breaks its contract: ${parsed.reason}`);
  return envelope as unknown as EventOf<D>;
}

/**
 * Sends envelopes to their publishers' topics under `prefix`, keyed by aggregate id, in the order given:
 * each run of envelopes for one topic goes in one request, and a run is acknowledged before the next.
 */
export async function publishEnvelopes(kafka: Kafka, prefix: string, envelopes: Envelope[]): Promise<void> {
  // Idempotent: a send retried after a leader change right after topic creation is not written twice.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await sendEnvelopes(producer, prefix, envelopes);
  } finally {
    await producer.disconnect();
  }
}

/** publishEnvelopes through a producer the caller keeps (connected, idempotent), for tests that send often. */
export async function sendEnvelopes(producer: Producer, prefix: string, envelopes: Envelope[]): Promise<void> {
  const runs: { topic: string; messages: Message[] }[] = [];
  for (const e of envelopes) {
    const topic = topicName(e.source, prefix);
    if (runs.at(-1)?.topic !== topic) runs.push({ topic, messages: [] });
    runs[runs.length - 1].messages.push({ key: e.aggregateId, value: JSON.stringify(e) });
  }
  for (const run of runs) await producer.send({ ...run, acks: -1 });
}
