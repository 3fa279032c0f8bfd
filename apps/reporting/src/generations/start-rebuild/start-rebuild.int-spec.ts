import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { PledgeRecordedV1 } from '@giftflow/contracts';
import { ServiceTestApp, createTestDataSource, envelopeOf, publishEnvelopes, startServiceForTest, testKafka, uniquePrefix, waitFor } from '@giftflow/testing';
import { ReportingModule } from '../../reporting.module';
import { BICYCLE, JUNE_BICYCLES, bicycleStory, waitUntilProjected } from '../../testing/bicycle-story.fixture';

describe('POST /admin/rebuild: replay from offset 0 into a new generation, then swap', () => {
  const prefix = uniquePrefix('reporting-rebuild');
  const database = 'giftflow_test_reporting_rebuild';
  const story = bicycleStory();
  let service: ServiceTestApp;
  let kafka: Kafka;

  const api = () => service.api();
  const monthly = async (month = '2026-06') => (await api().get(`/reports/monthly?month=${month}`).expect(200)).body;
  const trace = async () => (await api().get(`/reports/pledges/${story.pledgeId}/trace`).expect(200)).body;
  const db = () => service.app.get(DataSource);
  const pledgeBicycles = (quantity: number, occurredAt = '2026-06-25T03:00:00.000Z') => {
    const pledgeId = randomUUID();
    return envelopeOf(PledgeRecordedV1, pledgeId, {
      pledgeId, donorId: randomUUID(), donorKind: 'religious', campaignId: null, lines: [{ itemCode: BICYCLE.code, quantity, unitValueVnd: null }],
    }, { occurredAt });
  };
  const status = async () => (await api().get('/admin/rebuild').expect(200)).body;

  beforeAll(async () => {
    service = await startServiceForTest('reporting', ReportingModule, { database, topicPrefix: prefix });
    kafka = testKafka();
    await publishEnvelopes(kafka, prefix, story.events);
    await waitUntilProjected(kafka, prefix, 1);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('1. before any rebuild, generation 1 (built live from offset 0) is the one reports read', async () => {
    expect(await status()).toMatchObject({ generation: 1, status: 'done', activeGeneration: 1 });
  });

  it('2. a rebuild replays every event into generation 2, swaps, and gives the same figures', async () => {
    const before = { report: await monthly(), trace: await trace() };
    expect(before.report.totals).toEqual(JUNE_BICYCLES);

    const started = await api().post('/admin/rebuild').expect(202);
    expect(started.body).toEqual({ generation: 2, status: 'rebuilding' });
    const again = await api().post('/admin/rebuild').expect(409);
    expect(again.body.message).toBe('generation 2 is still rebuilding');

    const done = await waitFor('generation 2 to catch up and become active', async () => {
      const body = await status();
      return body.status === 'done' && body;
    }, 60_000, 250);
    expect(done).toMatchObject({ generation: 2, activeGeneration: 2, progress: { messages: story.events.length, replayed: story.events.length } });
    expect(await monthly()).toEqual(before.report);
    expect(await trace()).toEqual(before.trace);
  });

  it('3. the old generation is dropped: its partitions, its inbox rows and its consumer group', async () => {
    await waitFor('generation 1 to be dropped', async () => {
      const [{ dropped }] = await db().query('SELECT dropped_at IS NOT NULL AS dropped FROM projection_generations WHERE generation = 1');
      return dropped;
    }, 30_000, 250);
    const [{ partition }] = await db().query(`SELECT to_regclass('pledge_lines_g1') AS partition`);
    expect(partition).toBeNull();
    // Projections are idempotent by themselves: no generation keeps an inbox row per event (projection-consumer.ts).
    expect(await db().query(`SELECT consumer, count(*)::int AS n FROM inbox GROUP BY consumer`)).toEqual([]);
    const admin = kafka.admin();
    await admin.connect();
    const { groups } = await admin.listGroups();
    await admin.disconnect();
    expect(groups.map((g) => g.groupId).filter((id) => id.startsWith(prefix)).sort()).toEqual([`${prefix}giftflow.reporting.g2`]);
  });

  it('4. generation 2 goes on consuming live events', async () => {
    await publishEnvelopes(kafka, prefix, [pledgeBicycles(2)]);
    await waitFor('the new pledge in the report', async () => (await monthly()).totals.pledgedQty === 22);
  });

  it('5. after a restart reporting continues where generation 2 left off: nothing counted twice', async () => {
    await service.close();
    service = await startServiceForTest('reporting', ReportingModule, { database, topicPrefix: prefix, fresh: false });
    expect(await status()).toMatchObject({ generation: 2, status: 'done', activeGeneration: 2 });
    await publishEnvelopes(kafka, prefix, [pledgeBicycles(1)]);
    await waitUntilProjected(kafka, prefix, 2);
    expect((await monthly()).totals).toEqual({ ...JUNE_BICYCLES, pledgedQty: 23, pledgedValueVnd: 23 * BICYCLE.unitValueVnd });
  });

  it('6. a rebuild cut short by a shutdown resumes after the restart and still gives the same figures', async () => {
    // Enough events that the replay is still running when the app is stopped.
    await publishEnvelopes(kafka, prefix, Array.from({ length: 3000 }, () => pledgeBicycles(1, '2026-09-10T03:00:00.000Z')));
    await waitUntilProjected(kafka, prefix, 2);
    const before = { june: await monthly(), september: await monthly('2026-09') };
    expect(before.september.totals.pledgedQty).toBe(3000);

    expect((await api().post('/admin/rebuild').expect(202)).body).toEqual({ generation: 3, status: 'rebuilding' });
    await service.close(); // the replay of 3000+ events is far from done
    const stopped = await createTestDataSource(database, [], false);
    const [cut] = await stopped.query('SELECT status FROM projection_generations WHERE generation = 3');
    await stopped.destroy();
    expect(cut.status).toBe('rebuilding');

    service = await startServiceForTest('reporting', ReportingModule, { database, topicPrefix: prefix, fresh: false });
    await waitFor('generation 3 to finish after the restart', async () => (await status()).status === 'done', 60_000, 250);
    expect(await status()).toMatchObject({ generation: 3, activeGeneration: 3 });
    expect({ june: await monthly(), september: await monthly('2026-09') }).toEqual(before);
  });
});
