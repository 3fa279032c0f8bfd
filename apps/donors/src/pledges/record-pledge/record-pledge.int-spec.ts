import { randomUUID } from 'node:crypto';
import { testBearer } from '@giftflow/testing';
import { DonorsTestKit } from '../../../test/donors-test-kit';

describe('POST /pledges (real PostgreSQL and Kafka)', () => {
  let kit: DonorsTestKit;
  let donorId: string;
  let campaignId: string;
  const bicycles = (quantity: number) => [{ itemCode: 'bicycle', quantity }];
  /** Rows and events a pledge leaves behind; a refused or replayed request must leave these unchanged. */
  const footprint = async () => ({
    pledges: await kit.count('pledges'), lines: await kit.count('pledge_lines'), keys: await kit.count('http_idempotency'),
    events: (await kit.outbox('PledgeRecorded')).length,
  });

  beforeAll(async () => {
    kit = await DonorsTestKit.start('giftflow_test_donors_record_pledge');
    donorId = await kit.givenDonor('military', 'Navy Region 2 Command');
    campaignId = await kit.givenCampaign();
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('records a pledge and publishes PledgeRecorded with the donor kind and every line', async () => {
    const body = { donorId, campaignId, lines: [{ itemCode: 'bicycle', quantity: 20, unitValueVnd: 1_800_000 }, { itemCode: 'backpack', quantity: 50 }] };

    const reply = await kit.recordPledge(body).set('Authorization', await testBearer({ id: 'staff:lan' })).expect(201);

    const pledge = reply.body;
    expect(reply.headers['idempotent-replayed']).toBeUndefined();
    expect(pledge).toEqual({
      id: expect.any(String), donorId, campaignId, status: 'pledged', cancelReason: null, closeReason: null,
      pledgedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), expectedOn: null, walkIn: false,
      lines: [
        { itemCode: 'bicycle', pledged: 20, received: 0, delivered: 0, unitValueVnd: 1_800_000 },
        { itemCode: 'backpack', pledged: 50, received: 0, delivered: 0, unitValueVnd: null },
      ],
      createdAt: expect.any(String), updatedAt: expect.any(String),
    });
    expect(await kit.pledge(pledge.id)).toEqual(pledge);
    const recorded = (await kit.publishedEvents()).filter((e) => e.type === 'PledgeRecorded' && e.aggregateId === pledge.id);
    expect(recorded).toEqual([expect.objectContaining({
      version: 1, source: 'donors', actor: 'staff:lan',
      payload: {
        pledgeId: pledge.id, donorId, donorKind: 'military', campaignId, pledgedOn: pledge.pledgedOn,
        lines: [{ itemCode: 'bicycle', quantity: 20, unitValueVnd: 1_800_000 }, { itemCode: 'backpack', quantity: 50, unitValueVnd: null }],
      },
    })]);
  });

  it('answers retries with the same Idempotency-Key and body with the first pledge, also when they arrive together', async () => {
    const key = randomUUID();
    const body = { donorId, lines: [{ itemCode: 'milk-carton-48', quantity: 10 }] };
    const before = await footprint();

    const replies = await Promise.all(Array.from({ length: 8 }, () => kit.recordPledge(body, key)));
    const later = await kit.recordPledge({ lines: body.lines, campaignId: null, donorId }, key); // same values, other spelling

    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set([...replies, later].map((r) => r.body.id)).size).toBe(1);
    expect(replies.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(later.status).toBe(201);
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect(await footprint()).toEqual({ pledges: before.pledges + 1, lines: before.lines + 1, keys: before.keys + 1, events: before.events + 1 });
    expect(await kit.outbox('PledgeRecorded', later.body.id)).toHaveLength(1);
  });

  it('refuses the same key with a different body, and records nothing', async () => {
    const key = randomUUID();
    const first = await kit.recordPledge({ donorId, lines: bicycles(1) }, key).expect(201);
    const before = await footprint();

    const reply = await kit.recordPledge({ donorId, lines: bicycles(2) }, key).expect(422);

    expect(first.body.lines[0].pledged).toBe(1);
    expect(reply.body.message).toBe(`Idempotency-Key ${key} was already used for a different request (POST /pledges); send a new key for a new request`);
    expect(await footprint()).toEqual(before);
  });

  it('answers 422 for an unknown donor or campaign, records nothing, and leaves the key free for a corrected retry', async () => {
    const ghost = randomUUID();
    const key = randomUUID();
    const before = await footprint();

    const noDonor = await kit.recordPledge({ donorId: ghost, lines: bicycles(1) }, key).expect(422);
    const noCampaign = await kit.recordPledge({ donorId, campaignId: ghost, lines: bicycles(1) }).expect(422);

    expect(noDonor.body.message).toBe(`donor ${ghost} not found`);
    expect(noCampaign.body.message).toBe(`campaign ${ghost} not found`);
    expect(await footprint()).toEqual(before);
    await kit.recordPledge({ donorId, lines: bicycles(1) }, key).expect(201);
  });

  it('answers 400 naming every bad field, and when the Idempotency-Key header is missing', async () => {
    const bad = await kit.recordPledge({
      donorId: 'nope', campaignId: 7, colour: 'red',
      lines: [{ itemCode: 'bicycle', quantity: 0, unitValueVnd: -5 }, { itemCode: 'bicycle', quantity: 1.5 }, { itemCode: 'bad code!', quantity: 1 }],
    }).expect(400);
    const empty = await kit.recordPledge({ donorId, lines: [] }).expect(400);
    const noKey = await kit.api().post('/pledges').send({ donorId, lines: bicycles(1) }).expect(400);

    const messages: string = bad.body.message.join('\n');
    for (const field of ['donorId', 'campaignId', 'colour', 'lines.0.quantity', 'lines.0.unitValueVnd', 'lines.1.quantity', 'lines.2.itemCode', 'same item twice (bicycle)']) {
      expect(messages).toContain(field);
    }
    expect(empty.body.message).toEqual(['lines must have at least one line']);
    expect(noKey.body.message).toEqual(['Idempotency-Key header is required']);
  });

  it('GET /pledges/:id answers 404 for an unknown pledge and 400 for an id that is not a UUID', async () => {
    const ghost = randomUUID();
    expect((await kit.api().get(`/pledges/${ghost}`).expect(404)).body.message).toBe(`pledge ${ghost} not found`);
    await kit.api().get('/pledges/not-a-uuid').expect(400);
  });
});
