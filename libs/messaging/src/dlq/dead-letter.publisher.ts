import { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import { dlqTopicOf } from '@giftflow/contracts';

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  consumer: string;
  attempts: number;
  error: string;
}

/** Header names on a dead letter; the original headers are kept beside them. */
export const DLQ_HEADERS = {
  error: 'dlq-error',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumer: 'dlq-consumer',
  attempts: 'dlq-attempts',
  failedAt: 'dlq-failed-at',
  /** The canonical event id, when the message had a readable one. */
  eventId: 'dlq-event-id',
  /** On a message `npm run dlq -- replay` sent back to its topic: the one consumer that is to handle it. */
  replayFor: 'dlq-replay-for',
} as const;

/** Sends messages that keep failing to `<topic>.dlq`, with why, so they are neither lost nor blocking. */
export async function sendToDeadLetterTopic(producer: Producer, ...letters: (DeadLetter & { eventId?: string | null })[]): Promise<void> {
  const byTopic = new Map<string, { key: Buffer | null; value: Buffer | null; headers: IHeaders }[]>();
  for (const letter of letters) {
    const headers: IHeaders = {
      ...(letter.message.headers ?? {}),
      [DLQ_HEADERS.error]: letter.error.slice(0, 4000),
      [DLQ_HEADERS.originalTopic]: letter.topic,
      [DLQ_HEADERS.originalPartition]: String(letter.partition),
      [DLQ_HEADERS.originalOffset]: letter.message.offset,
      [DLQ_HEADERS.consumer]: letter.consumer,
      [DLQ_HEADERS.attempts]: String(letter.attempts),
      [DLQ_HEADERS.failedAt]: new Date().toISOString(),
      ...(letter.eventId ? { [DLQ_HEADERS.eventId]: letter.eventId } : {}),
    };
    delete headers[DLQ_HEADERS.replayFor];
    const topic = dlqTopicOf(letter.topic);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), { key: letter.message.key, value: letter.message.value, headers }]);
  }
  if (byTopic.size === 0) return;
  await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
}
