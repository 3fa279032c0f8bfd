import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TOPICS } from '@giftflow/contracts';
import { ServiceTestApp, createTestDataSource, readTopic, startServiceForTest, testKafka, uniquePrefix } from '@giftflow/testing';
import { DonorsModule } from '../../donors.module';

describe('POST /pledges (real PostgreSQL and Kafka)', () => {
  const database = 'giftflow_test_donors_record_pledge';
  const prefix = uniquePrefix('donors-record-pledge');
  let service: ServiceTestApp;
  let db: DataSource;
  let donorId: string;
  let campaignId: string;
  const api = () => request(service.url);
  const pledges = async () => (await db.query('SELECT count(*)::int AS n FROM pledges'))[0].n as number;
  const outboxOf = async (type: string) => (await db.query('SELECT count(*)::int AS n FROM outbox WHERE event_type = $1', [type]))[0].n as number;

  beforeAll(async () => {
    service = await startServiceForTest('donors', DonorsModule, { database, topicPrefix: prefix });
    db = await createTestDataSource(database, [], false);
    donorId = (await api().post('/donors').send({ name: 'Navy Region 2 Command', kind: 'military' }).expect(201)).body.id;
    campaignId = (await api().post('/campaigns').send({ name: 'Month of Action for Children', startsOn: '2026-06-01', endsOn: '2026-06-30' }).expect(201)).body.id;
  });

  afterAll(async () => {
    await service?.close();
    await db?.destroy();
  });

  it('records a pledge and publishes PledgeRecorded with the donor kind and every line', async () => {
    const body = { donorId, campaignId, lines: [{ itemCode: 'bicycle', quantity: 20, unitValueVnd: 1_800_000 }, { itemCode: 'backpack', quantity: 50 }] };
    const { body: pledge } = await api().post('/pledges').set('Idempotency-Key', randomUUID()).send(body).expect(201);
    expect(pledge).toMatchObject({
      id: expect.any(String), donorId, campaignId, status: 'pledged',
      lines: [
        { itemCode: 'bicycle', pledged: 20, received: 0, delivered: 0, unitValueVnd: 1_800_000 },
        { itemCode: 'backpack', pledged: 50, received: 0, delivered: 0, unitValueVnd: null },
      ],
    });
    expect((await api().get(`/pledges/${pledge.id}`).expect(200)).body).toMatchObject({ id: pledge.id, status: 'pledged' });

    const messages = await readTopic(testKafka(), prefix + TOPICS.donors, 3); // DonorRegistered, CampaignOpened, PledgeRecorded
    const recorded = messages.map((m) => JSON.parse(String(m.value))).find((e) => e.type === 'PledgeRecorded' && e.aggregateId === pledge.id);
    expect(recorded.payload).toEqual({
      pledgeId: pledge.id, donorId, donorKind: 'military', campaignId,
      lines: [{ itemCode: 'bicycle', quantity: 20, unitValueVnd: 1_800_000 }, { itemCode: 'backpack', quantity: 50, unitValueVnd: null }],
    });
  });

  it('answers retries with the same Idempotency-Key with the first pledge, also when they arrive together', async () => {
    const key = randomUUID();
    const body = { donorId, lines: [{ itemCode: 'milk-carton-48', quantity: 10 }] };
    const before = { pledges: await pledges(), events: await outboxOf('PledgeRecorded') };
    const replies = await Promise.all(Array.from({ length: 5 }, () => api().post('/pledges').set('Idempotency-Key', key).send(body)));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    const again = await api().post('/pledges').set('Idempotency-Key', key).send(body).expect(201);
    expect(again.body.id).toBe(replies[0].body.id);
    expect({ pledges: await pledges(), events: await outboxOf('PledgeRecorded') }).toEqual({ pledges: before.pledges + 1, events: before.events + 1 });
  });

  it('refuses the same key with a different body', async () => {
    const key = randomUUID();
    await api().post('/pledges').set('Idempotency-Key', key).send({ donorId, lines: [{ itemCode: 'bicycle', quantity: 1 }] }).expect(201);
    const reply = await api().post('/pledges').set('Idempotency-Key', key).send({ donorId, lines: [{ itemCode: 'bicycle', quantity: 2 }] }).expect(422);
    expect(reply.body.message).toContain('already used for a different pledge');
  });

  it('answers 400 naming every bad field, and requires the Idempotency-Key header', async () => {
    const reply = await api().post('/pledges').set('Idempotency-Key', randomUUID())
      .send({ donorId: 'nope', lines: [{ itemCode: 'bicycle', quantity: 0, unitValueVnd: -5 }, { itemCode: 'bicycle', quantity: 1 }], colour: 'red' })
      .expect(400);
    const text = reply.body.message.join('\n');
    for (const field of ['donorId', 'lines.0.quantity', 'lines.0.unitValueVnd', 'same item twice', 'colour']) expect(text).toContain(field);
    const noKey = await api().post('/pledges').send({ donorId, lines: [{ itemCode: 'bicycle', quantity: 1 }] }).expect(400);
    expect(noKey.body.message).toEqual(['Idempotency-Key header is required']);
    const badDonor = await api().post('/donors').send({ name: 'X', kind: 'pirate' }).expect(400);
    expect(badDonor.body.message.join()).toContain('kind must be one of');
    const backwards = await api().post('/campaigns').send({ name: 'X', startsOn: '2026-06-30', endsOn: '2026-06-01' }).expect(400);
    expect(backwards.body.message).toEqual(['endsOn must not be before startsOn']);
  });

  it('answers 422 for an unknown donor or campaign and records nothing', async () => {
    const before = await pledges();
    const ghost = randomUUID();
    const donor = await api().post('/pledges').set('Idempotency-Key', randomUUID()).send({ donorId: ghost, lines: [{ itemCode: 'bicycle', quantity: 1 }] }).expect(422);
    expect(donor.body.message).toBe(`donor ${ghost} not found`);
    await api().post('/pledges').set('Idempotency-Key', randomUUID()).send({ donorId, campaignId: ghost, lines: [{ itemCode: 'bicycle', quantity: 1 }] }).expect(422);
    expect(await pledges()).toBe(before);
    await api().get(`/pledges/${ghost}`).expect(404);
    await api().get('/pledges/not-a-uuid').expect(400);
  });

  it('cancels a pledge only while nothing has been received', async () => {
    const { body: pledge } = await api().post('/pledges').set('Idempotency-Key', randomUUID()).send({ donorId, lines: [{ itemCode: 'bicycle', quantity: 3 }] }).expect(201);
    const { body: cancelled } = await api().post(`/pledges/${pledge.id}/cancel`).send({ reason: 'donor withdrew' }).expect(201);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'donor withdrew' });
    expect(await outboxOf('PledgeCancelled')).toBe(1);
    await db.query(`UPDATE pledges SET status = 'received' WHERE id <> $1`, [pledge.id]);
    const other = (await db.query(`SELECT id FROM pledges WHERE id <> $1 LIMIT 1`, [pledge.id]))[0].id;
    await api().post(`/pledges/${other}/cancel`).send({ reason: 'too late' }).expect(409);
  });
});
