import { Kafka, Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Envelope, EventDefinition, EventOf, Publisher, TOPICS, dlqTopicOf } from '@giftflow/contracts';
import { DLQ_HEADERS, readWholeTopic } from '@giftflow/messaging';
import type { Type } from '@nestjs/common';
import type { z } from 'zod';
import { ServiceTestApp, startServiceForTest } from './service-test-app';
import { createTestDataSource, ownTestDatabase } from './test-database';
import { testKafka, topicMessageCount, uniquePrefix } from './test-kafka';
import { GiveUp, PATIENT_WAIT_MS, waitFor } from './wait-for';
import { envelopeOf, sendEnvelopes } from './event-envelopes';

type AnyDefinition = EventDefinition<string, number, z.ZodType>;

/** An event as a service's outbox holds it, with its payload typed as the test reads it. */
export type PublishedEvent<P = Record<string, unknown>> = Omit<Envelope, 'payload'> & { payload: P };

/** An event as it came off the topic, with the message's raw value (to check what it must not carry). */
export type EventOnTopic<P = Record<string, unknown>> = PublishedEvent<P> & { raw: string };

/** A message on a DLQ topic: its value and headers as text, the envelope (when it was one) and the error header. */
export interface DeadLetter {
  event: Envelope;
  error: string;
  consumer: string;
  value: string | null;
  headers: Record<string, string>;
}

/** What ServiceTestKit's constructor takes: made by startServiceTestKit. */
export interface ServiceTestKitParts {
  publisher: Publisher;
  module: Type<unknown>;
  service: ServiceTestApp;
  db: DataSource;
  prefix: string;
  database: string;
}

/** How long the relay may send nothing while rows wait before publishedEvents() calls it stuck (rather than slow). */
const OUTBOX_STALL_MS = 30_000;

/**
 * Starts one service's real Nest module for a kit (see startServiceForTest): `database` (giftflow_test_<service>_<file>,
 * suffixed with GIFTFLOW_TEST_PORT_BASE so checkouts testing side by side never share it) made fresh, a topic prefix
 * of its own, and a second connection to the database for the test's own queries.
 */
export async function startServiceTestKit(
  publisher: Publisher, module: Type<unknown>, database: string, env: Record<string, string> = {},
): Promise<ServiceTestKitParts> {
  const own = ownTestDatabase(database);
  const prefix = uniquePrefix(database.replace('giftflow_test_', ''));
  const service = await startServiceForTest(publisher, module, { database: own, topicPrefix: prefix, env });
  return { publisher, module, service, db: await createTestDataSource(own, [], false), prefix, database: own };
}

/**
 * What every service's integration tests need around the running app: the API signed in as the test admin, the
 * events fed in as other services' relays would send them, the events the service committed to its outbox and
 * published, its dead letters, and `close()`, which also deletes the kit's topics. Each app's kit
 * (apps/<app>/test/<app>-test-kit.ts) extends it with its own givens and thens.
 *
 * The waits are generous (PATIENT_WAIT_MS: a loaded 2-core CI machine is slow) but fail at once, and say why, when
 * waiting cannot help: a parked outbox row, an event dead-lettered instead of handled, an outbox the relay has
 * stopped draining.
 */
export class ServiceTestKit {
  readonly kafka: Kafka;
  readonly service: ServiceTestApp;
  readonly db: DataSource;
  readonly prefix: string;
  readonly database: string;
  /** The service's name, as on its topic (`<prefix><publisher>.events`) and its inbox rows. */
  readonly publisher: Publisher;
  private readonly module: Type<unknown>;
  private readonly instances: ServiceTestApp[] = [];
  private producer: Promise<Producer> | null = null;
  /** The actor of the envelopes the kit makes (envelopeOf's 'test' unless the app's kit says). */
  protected readonly inputActor?: string;

  protected constructor(parts: ServiceTestKitParts) {
    ({ service: this.service, db: this.db, prefix: this.prefix, database: this.database, publisher: this.publisher, module: this.module } = parts);
    this.kafka = testKafka(`giftflow-${parts.publisher}-test`);
  }

  /**
   * Closes every instance, the producer and the database connection. Its topics stay until the run ends (`npm test`
   * deletes the run's topics then): deleting them while other files create theirs kept the single broker's
   * controller busy, and new partitions answered "not the leader" for longer.
   */
  async close(): Promise<void> {
    await this.producer?.then((p) => p.disconnect()).catch(() => undefined);
    for (const instance of this.instances) await instance.close();
    await this.service.close();
    await this.db.destroy();
  }

  /** supertest on the service, signed in as the test admin. */
  api() {
    return this.service.api();
  }

  /** Another instance of the app on the same database and topics: it joins the same consumer groups. */
  async startAnotherInstance(): Promise<ServiceTestApp> {
    const instance = await startServiceForTest(this.publisher, this.module, { database: this.database, topicPrefix: this.prefix, fresh: false });
    this.instances.push(instance);
    return instance;
  }

  // Events in, as another service's relay would send them.

  /** An envelope as its publisher's outbox would write it (checked against its contract). */
  envelope<D extends AnyDefinition>(definition: D, aggregateId: string, payload: z.input<D['payload']>): EventOf<D> {
    return envelopeOf(definition, aggregateId, payload, this.inputActor ? { actor: this.inputActor } : {});
  }

  /** Sends envelopes to `<prefix><their source>.events`, keyed by aggregate id, in order (see publishEnvelopes). */
  async send(...envelopes: Envelope[]): Promise<void> {
    await sendEnvelopes(await this.sharedProducer(), this.prefix, envelopes);
  }

  /** Publishes an event (checked against its contract) to its publisher's topic, `times` times in one request. */
  async publish<D extends AnyDefinition>(definition: D, aggregateId: string, payload: z.input<D['payload']>, times = 1): Promise<EventOf<D>> {
    const envelope = this.envelope(definition, aggregateId, payload);
    await this.send(...Array<Envelope>(times).fill(envelope as Envelope));
    return envelope;
  }

  /** Waits until the service's consumer has handled (committed) this event; fails at once if it dead-lettered it. */
  async handled(event: Envelope, consumer: string = this.publisher): Promise<true> {
    return waitFor(`${event.type} ${event.id} to be handled by ${consumer}`, async () => {
      const [row] = await this.db.query('SELECT status, error FROM inbox WHERE consumer = $1 AND event_id = $2', [consumer, event.id.toLowerCase()]);
      if (row?.status === 'dead') throw new GiveUp(`${consumer} dead-lettered ${event.type} ${event.id}: ${row.error}`);
      return Boolean(row);
    });
  }

  // Events out.

  /** Events the service committed to its outbox, oldest first: of these types (all when none), of one aggregate if given. */
  async outboxEvents<P = Record<string, unknown>>(filter: { types?: string[]; aggregateId?: string } = {}): Promise<PublishedEvent<P>[]> {
    const rows: { envelope: PublishedEvent<P> }[] = await this.db.query(
      `SELECT envelope::jsonb AS envelope FROM outbox WHERE ($1::text[] IS NULL OR event_type = ANY($1)) AND ($2::text IS NULL OR message_key = $2) ORDER BY id`,
      [filter.types?.length ? filter.types : null, filter.aggregateId ?? null],
    );
    return rows.map((r) => r.envelope);
  }

  /** Waits until the service has committed at least `count` events of these types; answers them. */
  waitForOutbox(types: string[], count: number, timeoutMs = PATIENT_WAIT_MS): Promise<PublishedEvent[]> {
    return waitFor(`${count} of ${types.join('/')} in the outbox`, async () => {
      const events = await this.outboxEvents({ types });
      return events.length >= count && events;
    }, timeoutMs);
  }

  /**
   * Waits until the relay has sent every row committed so far. Fails at once on a parked row (Kafka refused it for
   * good), after OUTBOX_STALL_MS in which the relay sent nothing while rows waited, and after `timeoutMs` in all;
   * each time with the rows waiting and the service's /health.
   */
  async outboxDrained(timeoutMs = PATIENT_WAIT_MS): Promise<void> {
    const started = Date.now();
    let progress: { at: number; pending: number; oldest: string | null } = { at: started, pending: Infinity, oldest: null };
    for (;;) {
      const [state]: { pending: number; parked: number; oldest: string | null; parked_error: string | null }[] = await this.db.query(
        `SELECT count(*) FILTER (WHERE failed_at IS NULL)::int AS pending, count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS parked,
                (SELECT id || ' ' || event_type FROM outbox WHERE published_at IS NULL AND failed_at IS NULL ORDER BY id LIMIT 1) AS oldest,
                (SELECT id || ' ' || event_type || ': ' || last_error FROM outbox WHERE failed_at IS NOT NULL AND published_at IS NULL ORDER BY id LIMIT 1) AS parked_error
           FROM outbox WHERE published_at IS NULL`,
      );
      if (state.parked > 0) throw new Error(`${this.publisher}'s outbox has ${state.parked} parked row(s), which the relay will never send (row ${state.parked_error})`);
      if (state.pending === 0) return;
      const now = Date.now();
      // Progress: fewer rows waiting, or the oldest one sent (new rows may keep coming while the relay works).
      if (state.pending < progress.pending || state.oldest !== progress.oldest) progress = { at: now, pending: state.pending, oldest: state.oldest };
      const stuck = now - progress.at > OUTBOX_STALL_MS;
      if (stuck || now - started > timeoutMs) {
        const why = stuck ? `the relay sent nothing for ${OUTBOX_STALL_MS / 1000} s` : `not drained after ${timeoutMs / 1000} s`;
        throw new Error(`waiting for ${this.publisher}'s outbox to drain: ${why}; ${state.pending} row(s) unsent, the oldest row ${state.oldest}; /health: ${await this.health()}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Everything on `<prefix><service>.events`, once the relay has sent all that was committed. */
  async publishedEvents(): Promise<EventOnTopic[]> {
    await this.outboxDrained();
    const messages = await readWholeTopic(this.kafka, this.prefix + TOPICS[this.publisher], PATIENT_WAIT_MS);
    return messages.map((m) => ({ ...(JSON.parse(m.value!) as PublishedEvent), raw: m.value! }));
  }

  // Dead letters.

  /** How many messages are on the DLQ of `<prefix><source>.events` (a consumer that kept failing, or poison). */
  deadLetterCount(source: Publisher): Promise<number> {
    return topicMessageCount(this.kafka, dlqTopicOf(this.prefix + TOPICS[source]));
  }

  /** Every letter on the DLQ of `<prefix><source>.events`, read in full once at least `expected` are there. */
  async deadLettersFrom(source: Publisher, expected = 1): Promise<DeadLetter[]> {
    await waitFor(`${expected} dead letter(s) from ${source}`, async () => (await this.deadLetterCount(source)) >= expected);
    const messages = await readWholeTopic(this.kafka, dlqTopicOf(this.prefix + TOPICS[source]), PATIENT_WAIT_MS);
    return messages.map((m) => ({
      event: parseOrNull(m.value) as Envelope, error: m.headers[DLQ_HEADERS.error] ?? '', consumer: m.headers[DLQ_HEADERS.consumer] ?? '',
      value: m.value, headers: m.headers,
    }));
  }

  /** One idempotent producer for the kit's life (publishEnvelopes connects one per call, slow for a test that sends often). */
  private sharedProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      return producer;
    })();
    return this.producer;
  }

  private async health(): Promise<string> {
    try {
      const reply = await fetch(`${this.service.url}/health`, { signal: AbortSignal.timeout(5_000) });
      return `${reply.status} ${await reply.text()}`;
    } catch (error) {
      return `no answer (${(error as Error).message})`;
    }
  }
}

const parseOrNull = (value: string | null): unknown => {
  try {
    return value === null ? null : JSON.parse(value);
  } catch {
    return null;
  }
};
