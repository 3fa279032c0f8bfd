import { randomUUID } from 'node:crypto';
import { DonorRegisteredV1 } from '@giftflow/contracts';
import { testBearer } from '@giftflow/testing';
import { BeneficiariesTestKit } from '../../test/beneficiaries-test-kit';
import { Clock } from '../clock/clock';
import { EndSponsorshipsJob } from './end-sponsorships/end-sponsorships.job';

/** Issue #9: "Navy sponsors fishermen's children": 500,000 VND a month each until they turn 16. Time is the Clock's. */
describe('sponsorships', () => {
  let kit: BeneficiariesTestKit;
  let clock: Clock;
  let navy: string;
  const setToday = (isoInstant: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(isoInstant));

  beforeAll(async () => {
    kit = await BeneficiariesTestKit.start('giftflow_test_beneficiaries_sponsorships');
    clock = kit.service.app.get(Clock);
    navy = randomUUID();
    await kit.handled(await kit.publish(DonorRegisteredV1, navy, { donorId: navy, kind: 'military' }));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await kit?.close();
  });

  const orphan = (birthDate: string) => kit.registerChild({ birthDate, districtCode: '951', communeCode: '31999', circumstances: ['orphan', 'poor_household'] });
  const enrol = (body: Record<string, unknown>) => kit.api().post('/sponsorships').send({ donorId: navy, monthlyAmountVnd: 500_000, startMonth: '2023-01', ...body });
  const pay = (id: string, month: string, amountVnd = 500_000, paidOn = `${month}-05`) => kit.api().post(`/sponsorships/${id}/instalments`).send({ month, amountVnd, paidOn });
  const get = async (id: string) => (await kit.api().get(`/sponsorships/${id}`).expect(200)).body;

  it('enrols until the month of the 16th birthday, is paid three months, one month in arrears, and ends by itself at that month', async () => {
    setToday('2023-04-10T03:00:00Z');
    const childId = await orphan('2012-08-15');
    const { body } = await enrol({ childId }).set('Authorization', await testBearer({ id: 'officer-lan' })).expect(201);
    expect(body).toMatchObject({ id: expect.any(String), status: 'active', donorId: navy, childId, monthlyAmountVnd: 500_000, startMonth: '2023-01', endMonth: '2028-08', untilAge: 16, campaignId: null });
    const id = body.id as string;
    const [enrolled] = (await kit.outbox('SponsorshipEnrolled')).filter((e) => e.aggregateId === id);
    expect(enrolled.payload).toEqual({ sponsorshipId: id, donorId: navy, beneficiaryId: childId, districtCode: '951', monthlyAmountVnd: 500_000, startMonth: '2023-01', endMonth: '2028-08', campaignId: null });

    for (const month of ['2023-01', '2023-02', '2023-03']) await pay(id, month).expect(201);
    const statement = await get(id);
    expect(statement).toMatchObject({ id, status: 'active', paidVnd: 1_500_000, arrearsVnd: 500_000 }); // April is due and unpaid
    expect(statement.months).toHaveLength(68); // 2023-01 … 2028-08
    expect(statement.months.slice(2, 4)).toEqual([
      { month: '2023-03', dueVnd: 500_000, paidVnd: 500_000, paidOn: '2023-03-05' },
      { month: '2023-04', dueVnd: 500_000, paidVnd: 0, paidOn: null },
    ]);
    const paid = (await kit.outbox('SponsorshipInstalmentPaid')).filter((e) => e.aggregateId === id).map((e) => e.payload);
    expect(paid).toEqual(['2023-01', '2023-02', '2023-03'].map((month) => ({ sponsorshipId: id, beneficiaryId: childId, donorId: navy, month, amountVnd: 500_000, paidOn: `${month}-05` })));
    expect((await kit.api().get(`/sponsorships?donorId=${navy}&arrears=true`).expect(200)).body.items.map((s: { id: string }) => s.id)).toContain(id);

    const job = kit.service.app.get(EndSponsorshipsJob);
    setToday('2028-08-31T16:59:00Z'); // 23:59 on 31 August 2028 in Ho Chi Minh City: the last month still runs
    expect(await job.run()).not.toContain(id);
    expect((await get(id)).status).toBe('active');
    setToday('2028-08-31T17:01:00Z'); // 00:01 on 1 September 2028 there
    expect(await job.run()).toContain(id);
    expect(await job.run()).not.toContain(id);
    expect(await get(id)).toMatchObject({ status: 'ended', endedAt: '2028-08-31T17:01:00.000Z' });
    const ended = (await kit.publishedEvents()).filter((e) => e.type === 'SponsorshipEnded' && e.aggregateId === id);
    expect(ended.map((e) => e.payload)).toEqual([{ sponsorshipId: id, endMonth: '2028-08' }]);
  });

  it('ends the month before a birthday on the 1st, and refuses a child already at the limit in startMonth', async () => {
    setToday('2023-04-10T03:00:00Z');
    expect((await enrol({ childId: await orphan('2012-08-01') }).expect(201)).body.endMonth).toBe('2028-07');
    const older = await orphan('2012-08-15');
    expect((await enrol({ childId: older, startMonth: '2028-09' }).expect(422)).body.message)
      .toBe('the child is 16 or older in 2028-09: the last month a sponsorship until 16 can cover is 2028-08');
    expect((await enrol({ childId: older, endMonth: '2029-01' }).expect(422)).body.message).toContain('after 2028-08');
    expect((await enrol({ childId: older, endMonth: '2023-12' }).expect(201)).body.endMonth).toBe('2023-12');
  });

  it('refuses an instalment outside the schedule (422), for a month paid in full (409), in the future (422), more than due (422)', async () => {
    setToday('2023-04-10T03:00:00Z');
    const { body } = await enrol({ childId: await orphan('2013-01-20'), endMonth: '2023-12' }).expect(201);
    await pay(body.id, '2023-01').expect(201);
    expect((await pay(body.id, '2022-12').expect(422)).body.message).toBe("2022-12 is outside the sponsorship's schedule (2023-01 to 2023-12)");
    expect((await pay(body.id, '2024-01', 500_000, '2023-04-01').expect(422)).body.message).toContain('outside');
    expect((await pay(body.id, '2023-01').expect(409)).body.message).toBe('2023-01 is already paid in full (500000 VND)');
    expect((await pay(body.id, '2023-02', 500_000, '2023-04-11').expect(422)).body.message).toContain('in the future');
    expect((await pay(body.id, '2023-02', 600_000).expect(422)).body.message).toContain('more than');
    await pay(body.id, '2023-02', 200_000).expect(201);
    await pay(body.id, '2023-02', 300_000).expect(201);
    await pay(body.id, '2023-02', 1).expect(409);
    await kit.api().post(`/sponsorships/${randomUUID()}/instalments`).send({ month: '2023-01', amountVnd: 1, paidOn: '2023-01-01' }).expect(404);
  });

  it('records an instalment once when retried with the same Idempotency-Key', async () => {
    setToday('2023-04-10T03:00:00Z');
    const { body } = await enrol({ childId: await orphan('2013-02-20') }).expect(201);
    const key = randomUUID();
    const send = () => kit.api().post(`/sponsorships/${body.id}/instalments`).set('Idempotency-Key', key).send({ month: '2023-01', amountVnd: 500_000, paidOn: '2023-01-05' });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect((await kit.outbox('SponsorshipInstalmentPaid')).filter((e) => e.aggregateId === body.id)).toHaveLength(1);
  });

  it('cancels (nothing due after this month), lists by child and status, and holds 64-bit amounts', async () => {
    setToday('2023-04-10T03:00:00Z');
    const childId = await orphan('2014-03-03');
    const { body } = await enrol({ childId, monthlyAmountVnd: 5_000_000_000 }).expect(201);
    expect(body.monthlyAmountVnd).toBe(5_000_000_000);
    const cancelled = (await kit.api().post(`/sponsorships/${body.id}/cancel`).send({ reason: 'the unit moved to another province' }).expect(200)).body;
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledOn: '2023-04-10' });
    await kit.api().post(`/sponsorships/${body.id}/cancel`).send({ reason: 'again' }).expect(409);
    const statement = await get(body.id);
    expect(statement.months.map((m: { month: string }) => m.month)).toEqual(['2023-01', '2023-02', '2023-03', '2023-04']);
    expect(statement.arrearsVnd).toBe(20_000_000_000);
    const [event] = (await kit.outbox('SponsorshipCancelled')).filter((e) => e.aggregateId === body.id);
    expect(event.payload).toEqual({ sponsorshipId: body.id, reason: 'the unit moved to another province', cancelledOn: '2023-04-10' });

    const list = (await kit.api().get(`/sponsorships?childId=${childId}&status=cancelled`).expect(200)).body;
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 20, items: [expect.objectContaining({ id: body.id, paidVnd: 0, arrearsVnd: 20_000_000_000 })] });
    expect((await kit.api().get(`/sponsorships?childId=${childId}&status=active`).expect(200)).body.total).toBe(0);
  });

  it('refuses an unknown donor or child (422) and bad fields (400)', async () => {
    const childId = await orphan('2014-03-03');
    expect((await enrol({ childId, donorId: randomUUID() }).expect(422)).body.message).toMatch(/^donor .* not found$/);
    expect((await enrol({ childId: randomUUID() }).expect(422)).body.message).toMatch(/^child .* not found$/);
    const { body } = await enrol({ childId, monthlyAmountVnd: 0, startMonth: '2023-13', untilAge: 30 }).expect(400);
    for (const field of ['monthlyAmountVnd', 'startMonth', 'untilAge']) expect(body.message.join('\n')).toContain(field);
  });
});
