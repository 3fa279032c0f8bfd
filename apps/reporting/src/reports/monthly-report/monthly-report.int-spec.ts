import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ItemRegisteredV1, PledgeCancelledV1, PledgeRecordedV1 } from '@giftflow/contracts';
import { ServiceTestApp, envelopeOf, publishEnvelopes, startServiceForTest, testKafka, uniquePrefix, waitFor } from '@giftflow/testing';
import { ITEMS } from '../../../../../seeds/demo-data';
import { ReportingModule } from '../../reporting.module';
import { BICYCLE, JUNE_BICYCLES, LONG_PHU, TRAN_DE, bicycleStory, itemOf, waitUntilProjected } from '../../testing/bicycle-story.fixture';

describe('GET /reports/monthly', () => {
  const prefix = uniquePrefix('reporting-monthly');
  const story = bicycleStory();
  let service: ServiceTestApp;
  let kafka: Kafka;

  const monthly = async (month: string) => (await service.api().get(`/reports/monthly?month=${month}`).expect(200)).body;
  const category = (report: { byCategory: { category: string }[] }, name: string) => report.byCategory.find((c) => c.category === name);
  const pledge = (itemCode: string, quantity: number, unitValueVnd: number | null, occurredAt: string) => {
    const pledgeId = randomUUID();
    return envelopeOf(PledgeRecordedV1, pledgeId, {
      pledgeId, donorId: randomUUID(), donorKind: 'business', campaignId: null, lines: [{ itemCode, quantity, unitValueVnd }],
    }, { occurredAt });
  };

  beforeAll(async () => {
    service = await startServiceForTest('reporting', ReportingModule, { database: 'giftflow_test_reporting_monthly', topicPrefix: prefix });
    kafka = testKafka();
    await publishEnvelopes(kafka, prefix, story.events);
    await waitUntilProjected(kafka, prefix);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('counts every figure of the bicycle story in its month', async () => {
    const june = await monthly('2026-06');
    expect(june.month).toBe('2026-06');
    expect(june.byCategory).toEqual([{ category: BICYCLE.category, ...JUNE_BICYCLES }]);
    expect(june.totals).toEqual(JUNE_BICYCLES);
    // Long Phu: three allocated, three delivered; Tran De: two allocated, one delivered, one returned.
    expect(june.byDistrict).toEqual([
      { districtCode: LONG_PHU, category: BICYCLE.category, allocatedQty: 3, deliveredQty: 3, deliveredValueVnd: 5_400_000, childrenReached: 3 },
      { districtCode: TRAN_DE, category: BICYCLE.category, allocatedQty: 2, deliveredQty: 1, deliveredValueVnd: 1_800_000, childrenReached: 1 },
    ]);
  });

  it('applying the same events twice changes nothing', async () => {
    const before = await monthly('2026-06');
    const dataSource = service.app.get(DataSource);
    const [{ rows: factsBefore }] = await dataSource.query('SELECT count(*)::int AS rows FROM delivered_lots');
    await publishEnvelopes(kafka, prefix, story.events);
    await waitUntilProjected(kafka, prefix);
    expect(await monthly('2026-06')).toEqual(before);
    expect((await dataSource.query('SELECT count(*)::int AS rows FROM delivered_lots'))[0].rows).toBe(factsBefore);
  });

  it('buckets by the time in Asia/Ho_Chi_Minh: 2026-06-30T17:30:00Z is 1 July there', async () => {
    await publishEnvelopes(kafka, prefix, [
      pledge(BICYCLE.code, 2, null, '2026-06-30T17:30:00.000Z'), // 00:30 on 1 July in Soc Trang
      pledge(BICYCLE.code, 3, 1_500_000, '2026-05-31T16:59:59.000Z'), // 23:59:59 on 31 May
    ]);
    await waitUntilProjected(kafka, prefix);
    // No value on the pledge line: the catalogue's 1,800,000 VND a bicycle.
    expect(category(await monthly('2026-07'), BICYCLE.category)).toMatchObject({ pledgedQty: 2, pledgedValueVnd: 3_600_000 });
    expect(category(await monthly('2026-05'), BICYCLE.category)).toMatchObject({ pledgedQty: 3, pledgedValueVnd: 4_500_000 });
    expect((await monthly('2026-06')).totals).toEqual(JUNE_BICYCLES);
  });

  it('counts a delivery in the month it was delivered, not the month it was reported', async () => {
    // The story's fourth delivery: delivered 30 June, its event written 1 July.
    expect(category(await monthly('2026-07'), BICYCLE.category)).toMatchObject({ deliveredQty: 0, childrenReached: 0 });
  });

  it('categorises an item at query time, so a late ItemRegistered still counts', async () => {
    const backpack = ITEMS.backpack;
    await publishEnvelopes(kafka, prefix, [pledge(backpack.code, 10, null, '2026-08-03T03:00:00.000Z')]);
    await waitFor('the backpack pledge', async () => (await monthly('2026-08')).totals.pledgedQty === 10);
    expect((await monthly('2026-08')).byCategory).toEqual([expect.objectContaining({ category: 'uncategorised', pledgedQty: 10, pledgedValueVnd: 0 })]);

    await publishEnvelopes(kafka, prefix, [envelopeOf(ItemRegisteredV1, backpack.code, itemOf(backpack), { occurredAt: '2026-08-20T03:00:00.000Z' })]);
    await waitUntilProjected(kafka, prefix);
    expect((await monthly('2026-08')).byCategory).toEqual([expect.objectContaining({ category: backpack.category, pledgedQty: 10, pledgedValueVnd: 2_500_000 })]);
  });

  it('stops counting a pledge as pledged once it is cancelled, and its trace says when', async () => {
    const kept = pledge(ITEMS.backpack.code, 5, 250_000, '2026-03-10T03:00:00.000Z');
    const withdrawn = pledge(ITEMS.backpack.code, 7, 250_000, '2026-03-11T03:00:00.000Z');
    await publishEnvelopes(kafka, prefix, [kept, withdrawn]);
    await waitUntilProjected(kafka, prefix);
    expect((await monthly('2026-03')).totals).toMatchObject({ pledgedQty: 12, pledgedValueVnd: 3_000_000 });

    const cancelledAt = '2026-04-02T03:00:00.000Z';
    await publishEnvelopes(kafka, prefix, [
      envelopeOf(PledgeCancelledV1, withdrawn.aggregateId, { pledgeId: withdrawn.aggregateId, reason: 'donor withdrew' }, { occurredAt: cancelledAt }),
    ]);
    await waitUntilProjected(kafka, prefix);
    expect((await monthly('2026-03')).totals).toMatchObject({ pledgedQty: 5, pledgedValueVnd: 1_250_000 });
    const trace = (await service.api().get(`/reports/pledges/${withdrawn.aggregateId}/trace`).expect(200)).body;
    expect(trace).toMatchObject({ pledgedQty: 7, receivedQty: 0, cancelledAt });
  });

  it('answers a month with nothing in it with zeros', async () => {
    const zeros = Object.fromEntries(Object.keys(JUNE_BICYCLES).map((k) => [k, 0]));
    expect(await monthly('2025-01')).toEqual({ month: '2025-01', totals: zeros, byCategory: [], byDistrict: [] });
  });

  it.each(['2026-13', '2026-6', 'june', '2026-06-01'])('refuses month=%s with 400', async (month) => {
    const { body } = await service.api().get(`/reports/monthly?month=${month}`).expect(400);
    expect(body.message).toEqual(['month must be a month like 2026-06']);
  });

  it('refuses a missing month and unknown parameters with 400', async () => {
    await service.api().get('/reports/monthly').expect(400);
    await service.api().get('/reports/monthly?month=2026-06&district=946').expect(400);
  });
});
