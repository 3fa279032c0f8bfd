import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { CampaignClosedV1 } from '@giftflow/contracts';
import { BeneficiariesTestKit } from '../../test/beneficiaries-test-kit';
import { RequestAllocationHandler } from '../allocations/request-allocation/request-allocation.handler';
import { fundToday } from '../children/birth-date';

/** Issue #9: every allocation with a campaign meets the campaign's rules at its date, or is refused with 422 naming the rule. */
describe('eligibility on POST /allocations', () => {
  let kit: BeneficiariesTestKit;
  let donors: http.Server;
  const lookups: string[] = [];
  const donorsCampaign = { id: randomUUID(), name: 'Mid-Autumn 2026', startsOn: '2026-01-01', endsOn: '2099-12-31', kind: 'mid_autumn', districtCodes: ['946'], eligibility: { ageMax: 15 } };
  let monthOfAction: string;

  beforeAll(async () => {
    // donors, as far as beneficiaries asks it: GET /campaigns/:id for one campaign it has not published yet.
    donors = http.createServer((req, res) => {
      lookups.push(req.url!);
      const found = req.url === `/campaigns/${donorsCampaign.id}`;
      res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(found ? { ...donorsCampaign, createdAt: new Date().toISOString() } : { message: 'not found' }));
    });
    await new Promise<void>((resolve) => donors.listen(0, '127.0.0.1', resolve));
    kit = await BeneficiariesTestKit.start('giftflow_test_beneficiaries_eligibility', { DONORS_URL: `http://127.0.0.1:${(donors.address() as AddressInfo).port}` });
    await kit.registerItem('backpack-20l', 'backpacks');
    await kit.registerItem('notebook-set', 'school_supplies');
    await kit.registerItem('backpack-30l', 'backpacks');
    await kit.registerItem('heart-screening', 'health_checks', false);
    monthOfAction = await kit.openCampaign({
      name: 'Month of Action 2026', startsOn: '2026-06-01', endsOn: '2099-12-31', kind: 'month_of_action',
      districtCodes: ['946', '951'], eligibility: { circumstancesAny: ['orphan', 'disabled', 'poor_household'], ageMin: 6, ageMax: 15 },
    });
  });
  afterAll(async () => {
    await kit?.close();
    await new Promise((resolve) => donors?.close(resolve));
  });

  const allocate = (body: Record<string, unknown>) => kit.api().post('/allocations').send({ lines: [{ itemCode: 'backpack-20l', quantity: 1 }], ...body });
  const refused = async (body: Record<string, unknown>) => {
    const before = (await kit.outbox('AllocationRequested')).length;
    const { body: answer } = await allocate(body).expect(422);
    expect((await kit.outbox('AllocationRequested')).length).toBe(before);
    return answer as { message: string; rule: string };
  };
  const child = (overrides: Record<string, unknown> = {}) => kit.registerChild({ birthDate: '2016-03-10', districtCode: '946', circumstances: ['orphan'], ...overrides });

  it('lets an eligible child through and carries allocatedOn in AllocationRequested', async () => {
    const beneficiaryId = await child();
    const { body } = await allocate({ beneficiaryId, campaignId: monthOfAction, allocatedOn: '2026-06-02' }).expect(202);
    expect(body).toMatchObject({ status: 'requested', allocatedOn: '2026-06-02', campaignId: monthOfAction });
    const [event] = (await kit.outbox('AllocationRequested')).filter((e) => e.aggregateId === body.id);
    expect(event.payload).toMatchObject({ allocatedOn: '2026-06-02', attempt: 1, campaignId: monthOfAction });
  });

  it('refuses each broken rule with 422 and its rule', async () => {
    const eligible = await child();
    expect(await refused({ beneficiaryId: eligible, campaignId: monthOfAction, allocatedOn: '2026-05-31' }))
      .toMatchObject({ rule: 'outside_dates', message: 'allocated on 2026-05-31, outside campaign Month of Action 2026 (2026-06-01 to 2099-12-31)' });
    expect(await refused({ beneficiaryId: await child({ districtCode: '941' }), campaignId: monthOfAction }))
      .toMatchObject({ rule: 'district', message: expect.stringContaining('district 941') });
    expect(await refused({ beneficiaryId: await child({ circumstances: ['ethnic_minority'] }), campaignId: monthOfAction }))
      .toMatchObject({ rule: 'circumstance', message: 'campaign Month of Action 2026 is for children who are orphan or disabled or poor_household' });
    // born 2021-07-01: 4 on 2026-06-30, then 5 — still under 6
    expect(await refused({ beneficiaryId: await child({ birthDate: '2021-07-01' }), campaignId: monthOfAction, allocatedOn: '2026-07-01' }))
      .toMatchObject({ rule: 'age', message: 'the child is 5 on 2026-07-01; campaign Month of Action 2026 is for ages 6 to 15' });

    await allocate({ beneficiaryId: eligible, campaignId: monthOfAction }).expect(202);
    expect(await refused({ beneficiaryId: eligible, campaignId: monthOfAction, lines: [{ itemCode: 'backpack-30l', quantity: 1 }] }))
      .toMatchObject({ rule: 'already_received', message: 'the child already has an allocation of backpacks in this campaign' });
    // another category in the same campaign is fine
    await allocate({ beneficiaryId: eligible, campaignId: monthOfAction, lines: [{ itemCode: 'notebook-set', quantity: 2 }] }).expect(202);
  });

  it('checks age on the allocation date: a paper record of when the child was still 15', async () => {
    const fifteenThenSixteen = await child({ birthDate: '2010-06-15' });
    expect(await refused({ beneficiaryId: fifteenThenSixteen, campaignId: monthOfAction, allocatedOn: '2026-06-15' })).toMatchObject({ rule: 'age' });
    await allocate({ beneficiaryId: fifteenThenSixteen, campaignId: monthOfAction, allocatedOn: '2026-06-14' }).expect(202);
  });

  it('refuses allocatedOn in the future (422) and an unknown campaign (campaign_closed)', async () => {
    const beneficiaryId = await child();
    const tomorrow = new Date(Date.parse(`${fundToday()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await allocate({ beneficiaryId, campaignId: monthOfAction, allocatedOn: tomorrow }).expect(422)).body.message).toContain('in the future');
    const unknown = randomUUID();
    expect(await refused({ beneficiaryId, campaignId: unknown })).toMatchObject({ rule: 'campaign_closed', message: `campaign ${unknown} is not known: it takes no allocation` });
  });

  it('a closed campaign refuses allocations (422 campaign_closed)', async () => {
    const campaignId = await kit.openCampaign({ name: 'Lunar New Year 2026' });
    const beneficiaryId = await child();
    await allocate({ beneficiaryId, campaignId }).expect(202);
    await kit.handled(await kit.publish(CampaignClosedV1, campaignId, { campaignId, closedAt: new Date().toISOString() }));
    expect(await refused({ beneficiaryId, campaignId, lines: [{ itemCode: 'notebook-set', quantity: 1 }] }))
      .toMatchObject({ rule: 'campaign_closed', message: 'campaign Lunar New Year 2026 is closed: it takes no new allocation' });
  });

  it('asks donors once about a campaign created a moment ago, then uses its own copy', async () => {
    const beneficiaryId = await child();
    await allocate({ beneficiaryId, campaignId: donorsCampaign.id }).expect(202);
    expect(await refused({ beneficiaryId: await child({ districtCode: '951' }), campaignId: donorsCampaign.id })).toMatchObject({ rule: 'district' });
    expect(lookups.filter((u) => u === `/campaigns/${donorsCampaign.id}`)).toHaveLength(1);
  });

  it('holds one allocation per category per campaign per child under 20 concurrent requests', async () => {
    const beneficiaryId = await child();
    const answers = await Promise.all(Array.from({ length: 20 }, () => allocate({ beneficiaryId, campaignId: monthOfAction })));
    expect(answers.map((a) => a.status).sort()).toEqual([202, ...Array(19).fill(422)]);
    expect(new Set(answers.filter((a) => a.status === 422).map((a) => a.body.rule))).toEqual(new Set(['already_received']));
    const [{ n }] = await kit.db.query('SELECT count(*)::int AS n FROM allocations WHERE beneficiary_id = $1 AND campaign_id = $2', [beneficiaryId, monthOfAction]);
    expect(n).toBe(1);

    // once cancelled, the slot is free again
    const held = answers.find((a) => a.status === 202)!.body.id;
    await kit.api().post(`/allocations/${held}/cancel`).send({ reason: 'entered twice' }).expect(200);
    await allocate({ beneficiaryId, campaignId: monthOfAction }).expect(202);
  });

  it('holds it when 20 requests start in the same instant (the handler called directly, no HTTP to space them out)', async () => {
    const beneficiaryId = await child();
    const handler = kit.service.app.get(RequestAllocationHandler);
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () =>
      handler.execute({ beneficiaryId, campaignId: monthOfAction, lines: [{ itemCode: 'backpack-20l', quantity: 1 }] }, 'test', null)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const reasons = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { getResponse(): { rule: string } }).getResponse().rule] : []));
    expect(reasons).toEqual(Array(19).fill('already_received'));
  });

  it('institutions are excepted from the one-per-category rule, but not from the districts', async () => {
    const institution = (await kit.api().post('/institutions').send({ name: 'Nang Nhon Pagoda orphanage', kind: 'orphanage', districtCode: '951', residents: 42 }).expect(201)).body.id;
    await allocate({ beneficiaryId: institution, campaignId: monthOfAction, lines: [{ itemCode: 'backpack-20l', quantity: 40 }] }).expect(202);
    await allocate({ beneficiaryId: institution, campaignId: monthOfAction, lines: [{ itemCode: 'backpack-20l', quantity: 2 }] }).expect(202);
    const elsewhere = (await kit.api().post('/institutions').send({ name: 'School for Disabled Children', kind: 'special_school', districtCode: '941', residents: 120 }).expect(201)).body.id;
    expect(await refused({ beneficiaryId: elsewhere, campaignId: monthOfAction })).toMatchObject({ rule: 'district' });
  });

  it('allocates a service without a reservation (confirmed at once) and refuses goods mixed with services', async () => {
    const beneficiaryId = await child();
    const { body } = await allocate({ beneficiaryId, campaignId: monthOfAction, lines: [{ itemCode: 'heart-screening', quantity: 1 }] }).expect(202);
    expect(body.status).toBe('confirmed');
    expect((await kit.outbox('AllocationRequested', 'AllocationConfirmed')).filter((e) => e.aggregateId === body.id).map((e) => e.type))
      .toEqual(['AllocationRequested', 'AllocationConfirmed']);
    const mixed = await allocate({ beneficiaryId, lines: [{ itemCode: 'heart-screening', quantity: 1 }, { itemCode: 'notebook-set', quantity: 1 }] }).expect(422);
    expect(mixed.body.message).toContain('heart-screening are services');
  });
});
