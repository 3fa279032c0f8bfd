import { IHeaders, Kafka, Partitioners } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DLQ_HEADERS } from '../dlq/dead-letter.publisher';
import { canonicalId } from '../ids/canonical-id';
import { ReadMessage, readWholeTopic } from './read-whole-topic';

/**
 * What `npm run dlq` works with (docs/backbone.md, "Operating it"). Letters live on the `<topic>.dlq` topics and
 * are never deleted; their state lives in the inbox of the consumer that wrote them:
 * - `dead`: not handled; `replayed`: sent back by `replay`, not handled yet; `handled`: handled after a replay;
 * - `unrecorded`: a message with no readable event id (not JSON, not an envelope), which no inbox can hold.
 */
export interface DeadLetterView {
  dlqTopic: string;
  dlqOffset: string;
  topic: string;
  partition: number;
  offset: string;
  consumer: string;
  eventId: string | null;
  type: string | null;
  error: string;
  attempts: number;
  failedAt: string;
  status: 'dead' | 'replayed' | 'handled' | 'unrecorded';
}

export interface DeadLetterOptions {
  kafka: Kafka;
  /** KAFKA_TOPIC_PREFIX of the services. */
  topicPrefix: string;
  /** The database holding a consumer's inbox (the service it runs in). */
  databaseFor(consumer: string): Promise<DataSource>;
}

export interface LetterFilter {
  /** An original topic (`donors.events`, prefix added) or a DLQ topic. */
  topic?: string;
  consumer?: string;
  eventId?: string;
}

export class DeadLetters {
  constructor(private readonly options: DeadLetterOptions) {}

  async list(filter: LetterFilter = {}): Promise<DeadLetterView[]> {
    return (await this.read(filter)).map((l) => l.view);
  }

  /** The letters of one event (one per consumer that dead-lettered it), with the message as it was. */
  async show(eventId: string): Promise<(DeadLetterView & { key: string | null; value: string | null; headers: Record<string, string> })[]> {
    return (await this.read({ eventId })).map(({ view, message }) => ({ ...view, key: message.key, value: message.value, headers: message.headers }));
  }

  /**
   * Sends letters back to their original topic for the consumer that dead-lettered them (header
   * `dlq-replay-for`; every other consumer skips the message), after a fix. The inbox makes this safe: an event
   * the consumer handled meanwhile is not handled again. Letters stay on the DLQ topic; their inbox row is marked
   * replayed. Returns the letters sent.
   */
  async replay(filter: LetterFilter & ({ eventId: string } | { all: true })): Promise<DeadLetterView[]> {
    const letters = (await this.read(filter)).filter(({ view }) => view.status === 'dead' || view.status === 'replayed');
    const producer = this.options.kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      for (const { view, message } of letters) {
        if (!view.eventId) continue;
        const db = await this.options.databaseFor(view.consumer);
        // Marked before it is sent: a replay that fails again finds the mark and writes its new letter.
        await db.query(`UPDATE inbox SET replayed_at = now() WHERE consumer = $1 AND event_id = $2 AND status = 'dead'`, [view.consumer, view.eventId]);
        const headers: IHeaders = Object.fromEntries(Object.entries(message.headers).filter(([k]) => !k.startsWith('dlq-')));
        headers[DLQ_HEADERS.replayFor] = view.consumer;
        await producer.send({ topic: view.topic, acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
        view.status = 'replayed';
      }
    } finally {
      await producer.disconnect();
    }
    return letters.map((l) => l.view).filter((v) => v.eventId);
  }

  private async read(filter: LetterFilter): Promise<{ view: DeadLetterView; message: ReadMessage }[]> {
    const { kafka, topicPrefix } = this.options;
    const admin = kafka.admin();
    await admin.connect();
    let topics: string[];
    try {
      topics = (await admin.listTopics()).filter((t) => t.startsWith(topicPrefix) && t.endsWith('.dlq')).sort();
    } finally {
      await admin.disconnect();
    }
    if (filter.topic) {
      const wanted = filter.topic.startsWith(topicPrefix) ? filter.topic : topicPrefix + filter.topic;
      topics = topics.filter((t) => t === wanted || t === `${wanted}.dlq`);
    }
    const eventId = filter.eventId ? canonicalId(filter.eventId) : undefined;
    const found: { view: DeadLetterView; message: ReadMessage }[] = [];
    for (const dlqTopic of topics) {
      for (const message of await readWholeTopic(kafka, dlqTopic)) {
        const h = message.headers;
        const view: DeadLetterView = {
          dlqTopic,
          dlqOffset: `${message.partition}:${message.offset}`,
          topic: h[DLQ_HEADERS.originalTopic] ?? dlqTopic.replace(/\.dlq$/, ''),
          partition: Number(h[DLQ_HEADERS.originalPartition] ?? -1),
          offset: h[DLQ_HEADERS.originalOffset] ?? '',
          consumer: h[DLQ_HEADERS.consumer] ?? '',
          eventId: idOf(message),
          type: h['event-type'] ?? typeOf(message),
          error: h[DLQ_HEADERS.error] ?? '',
          attempts: Number(h[DLQ_HEADERS.attempts] ?? 0),
          failedAt: h[DLQ_HEADERS.failedAt] ?? '',
          status: 'unrecorded',
        };
        if (filter.consumer && view.consumer !== filter.consumer) continue;
        if (eventId && view.eventId !== eventId) continue;
        found.push({ view, message });
      }
    }
    await this.withStatus(found.map((f) => f.view));
    return found;
  }

  /** Reads each letter's state from its consumer's inbox. */
  private async withStatus(views: DeadLetterView[]): Promise<void> {
    const byConsumer = new Map<string, DeadLetterView[]>();
    for (const v of views) if (v.eventId && v.consumer) byConsumer.set(v.consumer, [...(byConsumer.get(v.consumer) ?? []), v]);
    for (const [consumer, letters] of byConsumer) {
      const db = await this.options.databaseFor(consumer);
      const rows: { event_id: string; status: string; replayed_at: Date | null }[] = await db.query(
        'SELECT event_id, status, replayed_at FROM inbox WHERE consumer = $1 AND event_id = ANY($2::uuid[])', [consumer, letters.map((l) => l.eventId)]);
      const byId = new Map(rows.map((r) => [r.event_id, r]));
      for (const letter of letters) {
        const row = byId.get(letter.eventId!);
        letter.status = !row ? 'unrecorded' : row.status === 'handled' ? 'handled' : row.replayed_at ? 'replayed' : 'dead';
      }
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idOf(message: ReadMessage): string | null {
  const header = message.headers[DLQ_HEADERS.eventId] ?? message.headers['event-id'];
  if (header && UUID.test(header)) return canonicalId(header);
  try {
    const id = (JSON.parse(message.value ?? '') as { id?: unknown }).id;
    return typeof id === 'string' && UUID.test(id) ? canonicalId(id) : null;
  } catch {
    return null;
  }
}

function typeOf(message: ReadMessage): string | null {
  try {
    const { type, version } = JSON.parse(message.value ?? '') as { type?: unknown; version?: unknown };
    return typeof type === 'string' ? `${type}${typeof version === 'number' ? `.v${version}` : ''}` : null;
  } catch {
    return null;
  }
}
