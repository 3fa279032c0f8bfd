import { DataSource } from 'typeorm';
import {
  AllocationCancelledV1, BeneficiariesMergedV1, BeneficiaryUpdatedV1, Envelope, GiftflowEvent, PledgeCancelledV1,
} from '@giftflow/contracts';
import { createTestDataSource, envelopeOf, testDatabaseName } from '@giftflow/testing';
import { createGenerationPartitions } from '../../../generations/generation-partitions';
import { projectChunk, projectionOf } from '../../../reporting.subscriptions';
import { provinceStory } from '../../../testing/province-story.fixture';
import { Summary, SummaryHandler } from '../summary.handler';
import { periodBuckets, refreshMonthRollups, withMonthRollups } from './month-rollups';
import { REPORTING_MIGRATIONS } from '../../../migrations/reporting-migrations';

/**
 * The summary from the month rollups equals the summary from the facts, field for field, on the province story (a merged
 * child, a late delivery, an amended and a cancelled pledge, a rejected allocation, a returned gift, a service, an updated
 * child), for whole and partial months: as it is projected chunk by chunk with summaries read in between (the rollups
 * built, then made stale by what comes after), after changes that move other months' figures (a cancelled allocation and
 * pledge, a merge, a child's new commune, birth month and circumstances), and for a rebuilt generation projected topic by
 * topic (deliveries before their requests, receipts before their pledges), its rollups built as the rebuild builds them.
 */
describe('the summary from month rollups', () => {
  const database = testDatabaseName('reporting_rollups');
  const story = provinceStory();
  const { ids, allocations } = story;
  let dataSource: DataSource;
  let handler: SummaryHandler;

  const PERIODS: [string, string][] = [
    ['2026-01-01', '2026-06-30'], ['2026-06-01', '2026-06-30'], ['2026-05-01', '2026-05-31'], ['2026-05-01', '2026-07-31'],
    ['2026-01-01', '2026-12-31'], ['2026-07-01', '2026-07-31'],
    // Partial months at one end, both ends, or alone (the last two read the facts: no whole month).
    ['2026-05-15', '2026-06-30'], ['2026-05-01', '2026-06-20'], ['2026-05-29', '2026-07-02'], ['2026-04-16', '2026-06-10'],
    ['2026-06-10', '2026-06-30'], ['2026-06-29', '2026-07-03'],
  ];

  beforeAll(async () => {
    dataSource = await createTestDataSource(database, [], true, REPORTING_MIGRATIONS);
    handler = new SummaryHandler(dataSource);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await dataSource?.destroy();
  });

  const project = async (generation: number, events: Envelope[], chunkSize: number) => {
    for (let i = 0; i < events.length; i += chunkSize) {
      const chunk = events.slice(i, i + chunkSize) as unknown as GiftflowEvent[];
      await dataSource.transaction((manager) => projectChunk(chunk, manager, generation));
    }
  };

  /** Every period's summary both ways, for the active generation; the rollups are used whenever the period has a whole month. */
  const expectRollupsToEqualFacts = async () => {
    const fromFacts = jest.spyOn(handler as unknown as { fromFacts: () => Promise<unknown> }, 'fromFacts');
    const fromRollups = jest.spyOn(handler as unknown as { fromMonthRollups: () => Promise<unknown> }, 'fromMonthRollups');
    const answers: Summary[] = [];
    for (const [from, to] of PERIODS) {
      fromFacts.mockClear();
      const fast = await handler.summary({ from, to });
      const wholeMonths = periodBuckets(from, to).months.length > 0;
      expect({ from, to, readTheFacts: fromFacts.mock.calls.length > 0 }).toEqual({ from, to, readTheFacts: !wholeMonths });
      fromRollups.mockResolvedValueOnce(null); // the facts, as for an asOf or a filter
      const facts = await handler.summary({ from, to });
      expect(fast).toEqual(facts);
      answers.push(fast);
    }
    fromFacts.mockRestore();
    fromRollups.mockRestore();
    return answers;
  };

  const activate = (generation: number) => dataSource.query('UPDATE active_generation SET generation = $1', [generation]);

  /** Events published after everything else, each moving figures of months the rollups were built for. */
  const afterwards = (): Envelope[] => [
    envelopeOf(AllocationCancelledV1, allocations.a1.allocationId, { allocationId: allocations.a1.allocationId, reason: 'duplicate request' },
      { occurredAt: '2026-07-05T01:00:00.000Z' }),
    envelopeOf(PledgeCancelledV1, ids.p2, { pledgeId: ids.p2, reason: 'donor withdrew' }, { occurredAt: '2026-07-05T02:00:00.000Z' }),
    envelopeOf(BeneficiaryUpdatedV1, ids.c1, { beneficiaryId: ids.c1, communeCode: '95199', birthMonth: '2008-06', circumstances: ['orphan', 'orphan'] },
      { occurredAt: '2026-07-05T03:00:00.000Z' }),
    envelopeOf(BeneficiariesMergedV1, ids.c2, { beneficiaryId: ids.c2, intoId: ids.c1 }, { occurredAt: '2026-07-05T04:00:00.000Z' }),
  ];

  let live: Summary[];

  it('equals the facts while a generation is projected, summaries read in between', async () => {
    const half = Math.floor(story.events.length / 2);
    await project(1, story.events.slice(0, half), 7);
    await expectRollupsToEqualFacts();
    await project(1, story.events.slice(half), 5);
    await expectRollupsToEqualFacts();
    await project(1, story.late, 1); // A7's June delivery, synced in July
    // Taken into stale months by the projections' minute round (GenerationConsumers.takeSummaryChanges), not by a summary.
    expect(await withMonthRollups(dataSource, 1, (manager) => refreshMonthRollups(manager, 1, []))).toEqual([]);
    expect(await dataSource.query('SELECT * FROM summary_changes WHERE generation = 1')).toEqual([]);
    await expectRollupsToEqualFacts();
    for (const event of afterwards()) {
      await project(1, [event], 1);
      await expectRollupsToEqualFacts();
    }
    live = await expectRollupsToEqualFacts();
    const [h1] = live;
    expect(h1.totals.childrenReached).toBeGreaterThan(0);
  });

  it('equals the facts for a rebuilt generation, its rollups built as the rebuild builds them, whatever the topics\' order', async () => {
    await dataSource.query(`INSERT INTO projection_generations (generation, status) VALUES (2, 'rebuilding')`);
    await dataSource.transaction((manager) => createGenerationPartitions(manager, 2));
    await activate(2);
    // Topic by topic, beneficiaries last: deliveries and returns before their requests, receipts before their pledges;
    // the rollups built and read after each topic, so what comes next must make them stale.
    const all = [...story.events, ...story.late, ...afterwards()];
    for (const source of ['inventory', 'donors', 'beneficiaries']) {
      await project(2, all.filter((e) => projectionOf(e.type, e.version)?.definition.source === source), 6);
      const built = await withMonthRollups(dataSource, 2, (manager) => refreshMonthRollups(manager, 2, 'changed'));
      expect(built.length).toBeGreaterThan(0);
      await expectRollupsToEqualFacts();
    }
    expect(await expectRollupsToEqualFacts()).toEqual(live);
  });
});
