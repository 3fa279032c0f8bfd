import { randomUUID } from 'node:crypto';
import { DeliveryConfirmedV1, DeliveryConfirmedV2, Envelope, GoodsReceivedV1 } from '@giftflow/contracts';
import { DeadLetter, PublishedEvent, ServiceTestKit, envelopeOf, startServiceTestKit, waitFor } from '@giftflow/testing';
import { DonorsModule } from '../src/donors.module';
import type { PledgeView } from '../src/pledges/pledge-view';

export type PledgeJson = Omit<PledgeView, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };
type LineInput = { itemCode: string; quantity: number; unitValueVnd?: number };

/**
 * The donors app on a fresh test database and topic prefix, with given/when/then helpers: given a donor,
 * campaign or pledge (through the API); when inventory publishes GoodsReceived / DeliveryConfirmed (straight
 * onto `<prefix>inventory.events`); then the pledge as GET shows it, and the events donors committed and sent.
 */
export class DonorsTestKit extends ServiceTestKit {
  /** `database` must be giftflow_test_donors_<file>. */
  static async start(database: string): Promise<DonorsTestKit> {
    return new DonorsTestKit(await startServiceTestKit('donors', DonorsModule, database));
  }

  // given

  async givenDonor(kind = 'individual', name = 'Benefactors of Soc Trang city'): Promise<string> {
    return (await this.api().post('/donors').send({ name, kind }).expect(201)).body.id;
  }

  async givenCampaign(name = 'Month of Action for Children', more: object = {}): Promise<string> {
    return (await this.api().post('/campaigns').send({ name, startsOn: '2026-06-01', endsOn: '2026-06-30', ...more }).expect(201)).body.id;
  }

  /** A pledge of these lines (default: 20 bicycles) from a new donor. */
  async givenPledge(lines: LineInput[] = [{ itemCode: 'bicycle', quantity: 20 }]): Promise<PledgeJson> {
    return (await this.recordPledge({ donorId: await this.givenDonor(), lines }).expect(201)).body;
  }

  // when

  recordPledge(body: object, idempotencyKey: string = randomUUID()) {
    return this.api().post('/pledges').set('Idempotency-Key', idempotencyKey).send(body);
  }

  /** Publishes envelopes as inventory's relay would, in order. */
  inventoryPublishes(...envelopes: Envelope[]): Promise<void> {
    return this.send(...envelopes);
  }

  goodsReceived(pledgeId: string, lines: [itemCode: string, quantity: number][]) {
    return envelopeOf(GoodsReceivedV1, randomUUID(), {
      receiptId: randomUUID(), pledgeId, warehouseCode: 'ST-FUND',
      lines: lines.map(([itemCode, quantity]) => ({ lotId: randomUUID(), itemCode, quantity, expiresOn: null, unitValueVnd: 1_800_000 })),
    }, { actor: 'warehouse-keeper' });
  }

  /** A walk-in receipt: inventory made up `pledgeId`; donors should show it as a received pledge of `donorId`. */
  walkInReceived(pledgeId: string, donorId: string, campaignId: string | null, lines: [itemCode: string, quantity: number, unitValueVnd: number][], receivedOn?: string) {
    return envelopeOf(GoodsReceivedV1, randomUUID(), {
      receiptId: randomUUID(), pledgeId, warehouseCode: 'ST-FUND', walkIn: true, donorId, campaignId, ...(receivedOn && { receivedOn }),
      lines: lines.map(([itemCode, quantity, unitValueVnd]) => ({ lotId: randomUUID(), itemCode, quantity, expiresOn: null, unitValueVnd })),
    }, { actor: 'warehouse-keeper' });
  }

  /** DeliveryConfirmed v2; a line with a null pledgeId is a service (no lot). */
  deliveryConfirmedV2(lines: [pledgeId: string | null, itemCode: string, quantity: number][]) {
    const allocationId = randomUUID();
    return envelopeOf(DeliveryConfirmedV2, allocationId, {
      allocationId, beneficiaryId: randomUUID(), beneficiaryKind: 'child', districtCode: '946', relationship: 'mother',
      happenedAt: new Date().toISOString(),
      lines: lines.map(([pledgeId, itemCode, quantity]) => ({
        lotId: pledgeId && randomUUID(), pledgeId, itemCode, warehouseCode: pledgeId && 'ST-FUND', quantity, unitValueVnd: 1_800_000,
      })),
    }, { actor: 'volunteer' });
  }

  deliveryConfirmed(lines: [pledgeId: string, itemCode: string, quantity: number][]) {
    const allocationId = randomUUID();
    return envelopeOf(DeliveryConfirmedV1, allocationId, {
      allocationId, beneficiaryId: randomUUID(), beneficiaryKind: 'child', districtCode: '946', relationship: 'mother',
      deliveredAt: new Date().toISOString(),
      lines: lines.map(([pledgeId, itemCode, quantity]) => ({ lotId: randomUUID(), pledgeId, itemCode, warehouseCode: 'ST-FUND', quantity, unitValueVnd: 1_800_000 })),
    }, { actor: 'volunteer' });
  }

  // then

  async pledge(id: string): Promise<PledgeJson> {
    return (await this.api().get(`/pledges/${id}`).expect(200)).body;
  }

  /** Waits until GET /pledges/:id satisfies `ok`, and returns it. */
  pledgeOnceIt(id: string, what: string, ok: (p: PledgeJson) => boolean): Promise<PledgeJson> {
    return waitFor(`pledge ${id}: ${what}`, async () => {
      const pledge = await this.pledge(id);
      return ok(pledge) && pledge;
    });
  }

  /** Events donors committed to its outbox, oldest first, of one type (and aggregate, if given). */
  outbox<P = Record<string, unknown>>(type: string, aggregateId?: string): Promise<PublishedEvent<P>[]> {
    return this.outboxEvents<P>({ types: [type], aggregateId });
  }

  async count(table: 'pledges' | 'pledge_lines' | 'http_idempotency' | 'donors'): Promise<number> {
    return (await this.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  }

  /** Every message dead-lettered from `<prefix>inventory.events` (at least `expected`), with the error header. */
  deadLettered(expected: number): Promise<DeadLetter[]> {
    return this.deadLettersFrom('inventory', expected);
  }
}
