import { randomUUID } from 'node:crypto';
import { DonorsTestKit } from '../../../test/donors-test-kit';

describe('POST /donors, POST /campaigns (real PostgreSQL and Kafka)', () => {
  let kit: DonorsTestKit;

  beforeAll(async () => {
    kit = await DonorsTestKit.start('giftflow_test_donors_register');
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('registers a donor, keeps its contacts here and publishes DonorRegistered with only id and kind', async () => {
    const body = { name: 'Khanh Hoa pagoda', kind: 'religious', phone: '0299 3822 123', email: 'chua@example.vn' };

    const { body: donor } = await kit.api().post('/donors').send(body).expect(201);

    expect(donor).toEqual({
      id: expect.any(String), ...body, taxCode: null, anonymous: false, createdAt: expect.any(String), updatedAt: donor.createdAt,
    });
    expect((await kit.api().get(`/donors/${donor.id}`).expect(200)).body).toEqual(donor);
    const events = (await kit.publishedEvents()).filter((e) => e.aggregateId === donor.id);
    expect(events).toEqual([expect.objectContaining({ type: 'DonorRegistered', payload: { donorId: donor.id, kind: 'religious' } })]);
  });

  it('opens a campaign and publishes CampaignOpened', async () => {
    const body = { name: 'Mid-Autumn 2026', startsOn: '2026-09-01', endsOn: '2026-09-30' };

    const { body: campaign } = await kit.api().post('/campaigns').send(body).expect(201);

    expect(campaign).toEqual({
      id: expect.any(String), ...body, kind: 'other', status: 'open', districtCodes: null, eligibility: null, targets: [],
      createdAt: expect.any(String), closedAt: null,
    });
    expect((await kit.api().get(`/campaigns/${campaign.id}`).expect(200)).body).toEqual(campaign);
    expect(await kit.outbox('CampaignOpened', campaign.id)).toEqual([
      expect.objectContaining({ payload: { campaignId: campaign.id, ...body, kind: 'other' } }),
    ]);
  });

  it('answers a retried registration with the same Idempotency-Key with the first donor; a different body with 422', async () => {
    const key = randomUUID();
    const body = { name: 'Soc Trang Red Cross', kind: 'organization' };
    const first = await kit.api().post('/donors').set('Idempotency-Key', key).send(body).expect(201);

    const retry = await kit.api().post('/donors').set('Idempotency-Key', key).send(body).expect(201);
    const other = await kit.api().post('/donors').set('Idempotency-Key', key).send({ ...body, kind: 'government' }).expect(422);

    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(other.body.message).toContain('already used for a different request');
    expect(await kit.outbox('DonorRegistered', first.body.id)).toHaveLength(1);
  });

  it('answers 400 naming each bad field', async () => {
    const donor = await kit.api().post('/donors').send({ name: ' ', kind: 'pirate', email: 'nope', extra: 1 }).expect(400);
    const backwards = await kit.api().post('/campaigns').send({ name: 'X', startsOn: '2026-06-30', endsOn: '2026-06-01' }).expect(400);
    const notDates = await kit.api().post('/campaigns').send({ name: 'X', startsOn: '2026-02-30', endsOn: 'June' }).expect(400);

    expect(donor.body.message).toEqual(expect.arrayContaining([
      'name must not be blank', expect.stringContaining('kind must be one of: individual, business'), 'email must be an email address',
      'property extra should not exist',
    ]));
    expect(backwards.body.message).toEqual(['endsOn must not be before startsOn']);
    expect(notDates.body.message.join('\n')).toMatch(/startsOn[\s\S]*endsOn/);
  });

  it('answers 404 for an unknown donor or campaign and 400 for an id that is not a UUID', async () => {
    await kit.api().get(`/donors/${randomUUID()}`).expect(404);
    await kit.api().get(`/campaigns/${randomUUID()}`).expect(404);
    await kit.api().get('/donors/42').expect(400);
  });
});
