import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DeliveryConfirmedV1, GoodsReceivedV1 } from '@giftflow/contracts';
import {
  ServiceTestApp, createTestDataSource, envelopeOf, publishEnvelopes, startServiceForTest, testKafka, uniquePrefix, waitFor,
} from '@giftflow/testing';
import { DonorsModule } from '../../donors.module';

/** Inventory's GoodsReceived and DeliveryConfirmed move a pledge along (real PostgreSQL and Kafka). */
describe('pledge progress from inventory events', () => {
  const database = 'giftflow_test_donors_pledge_progress';
  const prefix = uniquePrefix('donors-progress');
  const kafka = testKafka('giftflow-donors-test');
  let service: ServiceTestApp;
  let db: DataSource;
  const api = () => request(service.url);

  beforeAll(async () => {
    service = await startServiceForTest('donors', DonorsModule, { database, topicPrefix: prefix });
    db = await createTestDataSource(database, [], false);
  });

  afterAll(async () => {
    await service?.close();
    await db?.destroy();
  });

  const newPledge = async (quantity: number) => {
    const donorId = (await api().post('/donors').send({ name: 'Benefactors of Soc Trang city', kind: 'individual' }).expect(201)).body.id;
    return (await api().post('/pledges').set('Idempotency-Key', randomUUID()).send({ donorId, lines: [{ itemCode: 'bicycle', quantity }] }).expect(201)).body.id as string;
  };
  const received = (pledgeId: string, quantity: number) =>
    envelopeOf(GoodsReceivedV1, randomUUID(), {
      receiptId: randomUUID(), pledgeId, warehouseCode: 'ST-FUND',
      lines: [{ lotId: randomUUID(), itemCode: 'bicycle', quantity, expiresOn: null, unitValueVnd: 1_800_000 }],
    });
  const delivered = (pledgeId: string, quantity: number) =>
    envelopeOf(DeliveryConfirmedV1, randomUUID(), {
      allocationId: randomUUID(), beneficiaryId: randomUUID(), beneficiaryKind: 'child', districtCode: '946', relationship: 'mother',
      deliveredAt: new Date().toISOString(),
      lines: [{ lotId: randomUUID(), pledgeId, itemCode: 'bicycle', warehouseCode: 'ST-FUND', quantity, unitValueVnd: 1_800_000 }],
    });
  const pledgeOnceIt = (id: string, what: string, ok: (p: { status: string; lines: Record<string, number>[] }) => boolean) =>
    waitFor(what, async () => {
      const { body } = await api().get(`/pledges/${id}`).expect(200);
      return ok(body) && body;
    });
  const statusChanges = async (pledgeId: string) =>
    (await db.query(`SELECT envelope->'payload'->>'to' AS "to" FROM outbox WHERE event_type = 'PledgeStatusChanged' AND message_key = $1 ORDER BY id`, [pledgeId])).map((r: { to: string }) => r.to);

  it('becomes partially_received, received, then fulfilled, counting each event once even when it is delivered twice', async () => {
    const id = await newPledge(20);
    const first = received(id, 5);
    await publishEnvelopes(kafka, prefix, [first, first]);
    await pledgeOnceIt(id, '5 received', (p) => p.status === 'partially_received');
    await publishEnvelopes(kafka, prefix, [received(id, 15)]);
    const done = await pledgeOnceIt(id, '20 received', (p) => p.status === 'received');
    expect(done.lines[0]).toMatchObject({ pledged: 20, received: 20, delivered: 0 });

    await publishEnvelopes(kafka, prefix, [delivered(id, 4)]);
    const some = await pledgeOnceIt(id, '4 delivered', (p) => p.lines[0].delivered === 4);
    expect(some.status).toBe('received');
    await publishEnvelopes(kafka, prefix, [delivered(id, 16)]);
    await pledgeOnceIt(id, 'fulfilled', (p) => p.status === 'fulfilled');
    expect(await statusChanges(id)).toEqual(['partially_received', 'received', 'fulfilled']);
  });

  it('dead-letters an event for a pledge donors never recorded, and keeps handling the next ones', async () => {
    const id = await newPledge(2);
    await publishEnvelopes(kafka, prefix, [received(randomUUID(), 1), received(id, 2)]);
    await pledgeOnceIt(id, 'the next event handled', (p) => p.status === 'received');
  });
});
