import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AllocationRequestedV1, DeliveryConfirmedV2, GiftflowEvent } from '@giftflow/contracts';
import { createTestDataSource, envelopeOf, sleep, testDatabaseName } from '@giftflow/testing';
import { projectChunk } from '../reporting.subscriptions';
import { REPORTING_MIGRATIONS } from '../migrations/reporting-migrations';

/**
 * A delivery carries its allocation's campaign (deliveries.projection.ts linkDeliveryCampaigns), whichever of the two
 * topics is projected first, and when the two are projected by concurrent transactions (real PostgreSQL).
 */
describe('a delivery gets the campaign of its allocation', () => {
  const database = testDatabaseName('reporting_links');
  const generation = 1;
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await createTestDataSource(database, [], true, REPORTING_MIGRATIONS);
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  const story = () => {
    const allocationId = randomUUID();
    const campaignId = randomUUID();
    const beneficiaryId = randomUUID();
    const ref = { allocationId, beneficiaryId, beneficiaryKind: 'child' as const, districtCode: '946' };
    const request = envelopeOf(AllocationRequestedV1, allocationId, {
      ...ref, campaignId, warehouseCode: 'ST-FUND', lines: [{ itemCode: 'bicycle', quantity: 1 }], allocatedOn: '2026-06-01',
    }) as GiftflowEvent;
    const delivery = envelopeOf(DeliveryConfirmedV2, allocationId, {
      ...ref, relationship: 'mother', happenedAt: '2026-06-02T03:00:00.000Z',
      lines: [{ lotId: randomUUID(), pledgeId: randomUUID(), itemCode: 'bicycle', warehouseCode: 'ST-FUND', quantity: 1, unitValueVnd: 1_800_000 }],
    }) as GiftflowEvent;
    return { allocationId, campaignId, request, delivery };
  };
  const project = (events: GiftflowEvent[]) => dataSource.transaction((manager) => projectChunk(events, manager, generation));
  const campaignOf = async (allocationId: string): Promise<string | null> =>
    (await dataSource.query('SELECT campaign_id FROM delivered_lots WHERE generation = $1 AND allocation_id = $2', [generation, allocationId]))[0]
      ?.campaign_id ?? null;

  it('when the request was projected first', async () => {
    const { allocationId, campaignId, request, delivery } = story();
    await project([request]);
    await project([delivery]);
    expect(await campaignOf(allocationId)).toBe(campaignId);
  });

  it('when the delivery was projected first', async () => {
    const { allocationId, campaignId, request, delivery } = story();
    await project([delivery]);
    expect(await campaignOf(allocationId)).toBeNull();
    await project([request]);
    expect(await campaignOf(allocationId)).toBe(campaignId);
  });

  it.each(['delivery', 'request'] as const)('when both are projected at once, the %s committing first', async (first) => {
    const { allocationId, campaignId, request, delivery } = story();
    const [earlier, later] = first === 'delivery' ? [delivery, request] : [request, delivery];
    // The earlier transaction has written its facts and linked (seeing nothing to link) but not committed...
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await projectChunk([earlier], runner.manager, generation);
    // ...while the later one writes its facts and waits to link until the earlier one has committed.
    let laterDone = false;
    const laterRun = project([later]).then(() => void (laterDone = true));
    await sleep(300);
    expect(laterDone).toBe(false);
    await runner.commitTransaction();
    await runner.release();
    await laterRun;
    expect(await campaignOf(allocationId)).toBe(campaignId);
  });
});
