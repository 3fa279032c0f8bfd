import { randomUUID } from 'node:crypto';
import { Kafka, KafkaMessage, Partitioners, Producer } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Envelope, EventDefinition, PayloadOf, TOPICS } from '@giftflow/contracts';
import { ServiceTestApp, createTestDataSource, readTopic, startServiceForTest, testKafka, uniquePrefix, waitFor } from '@giftflow/testing';
import type { z } from 'zod';
import { BeneficiariesModule } from '../src/beneficiaries.module';

type AnyDefinition = EventDefinition<string, number, z.ZodType>;

/** An event beneficiaries published, with the message's raw value (to check what it must not carry). */
export type PublishedEvent = Envelope<string, number, Record<string, unknown>> & { raw: string };

export const aChild = (overrides: Record<string, unknown> = {}) => ({
  fullName: 'Thach Thi Sa Rinh', birthDate: '2014-05-20', sex: 'female', districtCode: '946', communeCode: '31498',
  circumstances: ['orphan', 'ethnic_minority'], guardianName: 'Thach Van Ton', guardianPhone: '0912 345 678', ...overrides,
});

/**
 * The beneficiaries app on a fresh test database and its own topic prefix, with what its tests need:
 * a producer for inventory's events, the database, and a reader for what beneficiaries published.
 */
export class BeneficiariesTestKit {
  readonly kafka: Kafka = testKafka('giftflow-beneficiaries-test');

  private constructor(
    readonly service: ServiceTestApp,
    readonly db: DataSource,
    readonly prefix: string,
    private readonly producer: Producer,
  ) {}

  /** `database` must be giftflow_test_beneficiaries_<file>. */
  static async start(database: string): Promise<BeneficiariesTestKit> {
    const prefix = uniquePrefix(database.replace('giftflow_test_', ''));
    const service = await startServiceForTest('beneficiaries', BeneficiariesModule, { database, topicPrefix: prefix });
    const db = await createTestDataSource(database, [], false);
    const kit = new BeneficiariesTestKit(service, db, prefix, testKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false }));
    await kit.producer.connect();
    return kit;
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
    await this.service.close();
    await this.db.destroy();
  }

  api() {
    return request(this.service.url);
  }

  async registerChild(overrides: Record<string, unknown> = {}): Promise<string> {
    return (await this.api().post('/children').send(aChild(overrides)).expect(201)).body.id;
  }

  /** An envelope as another service's relay would write it. */
  envelope<D extends AnyDefinition>(definition: D, aggregateId: string, payload: PayloadOf<D>): Envelope<D['type'], D['version'], PayloadOf<D>> {
    return {
      id: randomUUID(), type: definition.type, version: definition.version, source: definition.source, aggregateId,
      occurredAt: new Date().toISOString(), correlationId: randomUUID(), causationId: null, actor: 'warehouse', payload,
    };
  }

  /** Sends envelopes to `<prefix><their source>.events`, keyed by aggregate id. */
  async send(...envelopes: Envelope[]): Promise<void> {
    for (const e of envelopes) {
      await this.producer.send({ topic: this.prefix + TOPICS[e.source], messages: [{ key: e.aggregateId, value: JSON.stringify(e) }] });
    }
  }

  async publish<D extends AnyDefinition>(definition: D, aggregateId: string, payload: PayloadOf<D>): Promise<Envelope> {
    const envelope = this.envelope(definition, aggregateId, payload);
    await this.send(envelope);
    return envelope;
  }

  /** Events beneficiaries committed to its outbox, oldest first, of these types. */
  async outbox(...types: string[]): Promise<Envelope<string, number, Record<string, unknown>>[]> {
    const rows: { envelope: Envelope<string, number, Record<string, unknown>> }[] =
      await this.db.query('SELECT envelope FROM outbox WHERE event_type = ANY($1) ORDER BY id', [types]);
    return rows.map((r) => r.envelope);
  }

  /** Everything on `<prefix>beneficiaries.events`, once the relay has sent all that was committed. */
  async publishedEvents(): Promise<PublishedEvent[]> {
    await waitFor('the outbox to drain', async () => (await this.db.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL'))[0].n === 0);
    const [{ n }] = await this.db.query('SELECT count(*)::int AS n FROM outbox');
    if (n === 0) return [];
    const messages = await readTopic(this.kafka, this.prefix + TOPICS.beneficiaries, n);
    return messages.map((m) => ({ ...JSON.parse(m.value!.toString()), raw: m.value!.toString() }));
  }

  /** Waits until the consumer has handled (committed) this event. */
  handled(event: Envelope): Promise<boolean> {
    return waitFor(`${event.type} ${event.id} to be handled`, async () =>
      (await this.db.query("SELECT 1 FROM inbox WHERE consumer = 'beneficiaries' AND event_id = $1", [event.id])).length > 0);
  }

  /** Messages dead-lettered from `<prefix>inventory.events`. */
  deadLetters(expected: number): Promise<KafkaMessage[]> {
    return readTopic(this.kafka, `${this.prefix}${TOPICS.inventory}.dlq`, expected);
  }
}
