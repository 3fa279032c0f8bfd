import { randomUUID } from 'node:crypto';
import { testBearer } from '@giftflow/testing';
import { DonorsTestKit } from '../../test/donors-test-kit';

/** Campaigns with kinds, rules and targets, listed by status and closed (real PostgreSQL and Kafka). */
describe('campaigns: POST /campaigns with rules, GET /campaigns, POST /campaigns/:id/close', () => {
  let kit: DonorsTestKit;
  const navySponsorship = {
    name: 'Navy sponsors fishermen\'s children', kind: 'sponsorship_programme', startsOn: '2023-01-01', endsOn: '2028-12-31',
    districtCodes: ['946'], eligibility: { circumstancesAny: ['orphan'], ageMax: 15 }, targets: [{ category: 'sponsorship', quantity: 5 }],
  };

  beforeAll(async () => {
    kit = await DonorsTestKit.start('giftflow_test_donors_campaign_lifecycle');
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('opens a campaign with its kind, districts, eligibility and targets, all carried by CampaignOpened and shown by GET', async () => {
    const { body: campaign } = await kit.api().post('/campaigns').send(navySponsorship).expect(201);

    expect(campaign).toEqual({ id: expect.any(String), ...navySponsorship, status: 'open', createdAt: expect.any(String), closedAt: null });
    expect((await kit.api().get(`/campaigns/${campaign.id}`).expect(200)).body).toEqual(campaign);
    const [opened] = (await kit.publishedEvents()).filter((e) => e.type === 'CampaignOpened' && e.aggregateId === campaign.id);
    const { name, startsOn, endsOn, kind, districtCodes, eligibility, targets } = navySponsorship;
    expect(opened.payload).toEqual({ campaignId: campaign.id, name, startsOn, endsOn, kind, districtCodes, eligibility, targets });
  });

  it('refuses a bad kind, rule or target with 400 naming each', async () => {
    const bad = await kit.api().post('/campaigns').send({
      ...navySponsorship, kind: 'party', districtCodes: ['Tran De'], eligibility: { ageMin: 10, ageMax: 6, circumstancesAny: ['Orphan'] },
      targets: [{ category: 'sponsorship', quantity: 0 }, { category: 'sponsorship', quantity: 1 }],
    }).expect(400);

    const messages: string = bad.body.message.join('\n');
    for (const field of ['kind must be one of', 'districtCodes', 'eligibility.ageMax must not be below ageMin', 'eligibility.circumstancesAny', 'targets.0.quantity', 'same category twice']) {
      expect(messages).toContain(field);
    }
  });

  it('closes a campaign once (CampaignClosed), then it takes no new pledge (409); pledges recorded before stay', async () => {
    const campaignId = await kit.givenCampaign('Mid-Autumn 2026', { kind: 'mid_autumn' });
    const donorId = await kit.givenDonor();
    const before = await kit.recordPledge({ donorId, campaignId, lines: [{ itemCode: 'mooncake', quantity: 100 }] }).expect(201);

    const { body: closed } = await kit.api().post(`/campaigns/${campaignId}/close`).set('Authorization', await testBearer({ id: 'staff:lan' })).expect(201);
    const again = await kit.api().post(`/campaigns/${campaignId}/close`).expect(201);
    const refused = await kit.recordPledge({ donorId, campaignId, lines: [{ itemCode: 'mooncake', quantity: 5 }] }).expect(409);

    expect(closed).toMatchObject({ id: campaignId, kind: 'mid_autumn', status: 'closed', closedAt: expect.any(String) });
    expect(again.body).toEqual(closed);
    expect(refused.body.message).toBe(`campaign ${campaignId} is closed and takes no new pledge`);
    expect((await kit.pledge(before.body.id)).status).toBe('pledged');
    const events = await kit.outbox('CampaignClosed', campaignId);
    expect(events.map((e) => [e.actor, e.payload])).toEqual([['staff:lan', { campaignId, closedAt: closed.closedAt }]]);
    expect((await kit.api().get(`/pledges?campaignId=${campaignId}`).expect(200)).body.total).toBe(1);
  });

  it('serialises a close and pledges arriving at the same moment: each pledge is recorded before the close or refused', async () => {
    const campaignId = await kit.givenCampaign('Lunar New Year 2027', { kind: 'lunar_new_year' });
    const donorId = await kit.givenDonor();

    const replies = await Promise.all([
      ...Array.from({ length: 6 }, () => kit.recordPledge({ donorId, campaignId, lines: [{ itemCode: 'banh-chung', quantity: 1 }] })),
      kit.api().post(`/campaigns/${campaignId}/close`),
    ]);

    const pledges = replies.slice(0, 6);
    expect(pledges.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const closedAt = new Date(replies[6].body.closedAt).getTime();
    for (const r of pledges.filter((p) => p.status === 201)) expect(new Date(r.body.createdAt).getTime()).toBeLessThanOrEqual(closedAt);
    const recorded = (await kit.api().get(`/pledges?campaignId=${campaignId}`).expect(200)).body.total;
    expect(recorded).toBe(pledges.filter((r) => r.status === 201).length);
  });

  it('lists campaigns by status, paged; 404 for an unknown campaign, 400 for a bad status', async () => {
    const open = (await kit.api().get('/campaigns?status=open&pageSize=200').expect(200)).body;
    const closed = (await kit.api().get('/campaigns?status=closed&pageSize=200').expect(200)).body;
    const all = (await kit.api().get('/campaigns?pageSize=2').expect(200)).body;

    expect(open.items.every((c: { status: string }) => c.status === 'open')).toBe(true);
    expect(closed.items.map((c: { name: string }) => c.name).sort()).toEqual(['Lunar New Year 2027', 'Mid-Autumn 2026']);
    expect(all).toMatchObject({ total: open.total + closed.total, page: 1, pageSize: 2 });
    expect(all.items).toHaveLength(2);
    expect(all.items[0].startsOn >= all.items[1].startsOn).toBe(true);
    await kit.api().post(`/campaigns/${randomUUID()}/close`).expect(404);
    await kit.api().get('/campaigns?status=finished').expect(400);
  });
});
