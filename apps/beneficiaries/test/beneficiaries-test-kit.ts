import { Kafka, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { CampaignOpenedV1, Envelope, EventDefinition, EventOf, ItemRegisteredV1, TOPICS } from '@giftflow/contracts';
import {
  ServiceTestApp, createTestDataSource, envelopeOf, publishEnvelopes, readTopic, startServiceForTest, testKafka, uniquePrefix, waitFor,
} from '@giftflow/testing';
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
 * inventory's events sent to its topics, the database, and a reader for what beneficiaries published.
 */
export class BeneficiariesTestKit {
  readonly kafka: Kafka = testKafka('giftflow-beneficiaries-test');

  private constructor(
    readonly service: ServiceTestApp,
    readonly db: DataSource,
    readonly prefix: string,
  ) {}

  /** `database` must be giftflow_test_beneficiaries_<file>; DONORS_URL points at a closed port unless given. */
  static async start(database: string, env: Record<string, string> = {}): Promise<BeneficiariesTestKit> {
    const prefix = uniquePrefix(database.replace('giftflow_test_', ''));
    const service = await startServiceForTest('beneficiaries', BeneficiariesModule, {
      database, topicPrefix: prefix, env: { DONORS_URL: 'http://127.0.0.1:1', INVENTORY_URL: 'http://127.0.0.1:1', ...env },
    });
    const db = await createTestDataSource(database, [], false);
    return new BeneficiariesTestKit(service, db, prefix);
  }

  async close(): Promise<void> {
    await this.service.close();
    await this.db.destroy();
  }

  api() {
    return this.service.api();
  }

  private registered = 0;

  /** A child registered through the API; a name of its own unless given (the same name, birth date and commune is a 409). */
  async registerChild(overrides: Record<string, unknown> = {}): Promise<string> {
    const fullName = `Thach Thi Sa Rinh ${++this.registered}`;
    return (await this.api().post('/children').send(aChild({ fullName, ...overrides })).expect(201)).body.id;
  }

  /** Donors opens a campaign (CampaignOpened on its topic); resolves once beneficiaries has learned it. */
  async openCampaign(payload: Partial<z.input<typeof CampaignOpenedV1.payload>> = {}): Promise<string> {
    const campaignId = payload.campaignId ?? randomUUID();
    const event = await this.publish(CampaignOpenedV1, campaignId, {
      campaignId, name: 'Month of Action for Children', startsOn: '2020-01-01', endsOn: '2099-12-31', ...payload,
    });
    await this.handled(event);
    return campaignId;
  }

  /** Inventory registers an item (ItemRegistered); resolves once beneficiaries has learned it. */
  async registerItem(itemCode: string, category: string, stocked = true): Promise<void> {
    const event = await this.publish(ItemRegisteredV1, itemCode, { itemCode, name: itemCode, category, unit: 'piece', unitValueVnd: 100_000, stocked });
    await this.handled(event);
  }

  /** An envelope as inventory's relay would write it (checked against its contract). */
  envelope<D extends AnyDefinition>(definition: D, aggregateId: string, payload: z.input<D['payload']>): EventOf<D> {
    return envelopeOf(definition, aggregateId, payload, { actor: 'warehouse' });
  }

  /** Sends envelopes to `<prefix><their source>.events`, keyed by aggregate id, in order. */
  send(...envelopes: Envelope[]): Promise<void> {
    return publishEnvelopes(this.kafka, this.prefix, envelopes);
  }

  async publish<D extends AnyDefinition>(definition: D, aggregateId: string, payload: z.input<D['payload']>): Promise<Envelope> {
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

  /** Waits until the consumer has handled (committed) this event (from any topic). */
  handled(event: Envelope): Promise<boolean> {
    return waitFor(`${event.type} ${event.id} to be handled`, async () =>
      (await this.db.query("SELECT 1 FROM inbox WHERE consumer = 'beneficiaries' AND event_id = $1", [event.id])).length > 0);
  }

  /** Messages dead-lettered from `<prefix>inventory.events`. */
  deadLetters(expected: number): Promise<KafkaMessage[]> {
    return readTopic(this.kafka, `${this.prefix}${TOPICS.inventory}.dlq`, expected);
  }
}
