import { TEST_ADMIN_PASSWORD, sleep } from '@giftflow/testing';
import { TestSystem, startTestSystem } from '../../scripts/test-system';
import { ApiClient } from '../../seeds/api-client';
import { POPULATION_SIZE } from '../../seeds/population';
import { runSeed } from '../../seeds/seed';
import { signInAsAdmin } from '../../seeds/sign-in';
import { CAMPAIGNS } from '../../seeds/demo/half-year-2023.story';
import { EXPECTED_FIGURES } from '../../seeds/demo/report-figures';
import { DemoResult, HALF_YEAR, runDemo } from '../../seeds/demo/run-demo';

/**
 * Issue #12: `npm run seed` then `npm run demo` against the five apps as processes put the provincial report's
 * half-year into giftflow, and running both again changes nothing: the same summary, byte for byte, the same
 * counts, not one more event on any topic. The whole population (1,800 children) is seeded: the Month of Action
 * alone reaches 1,284 of them.
 */
describe('npm run seed and npm run demo, twice each', () => {
  let system: TestSystem;
  let api: ApiClient;
  let authorization: string;
  const lines: string[] = [];
  const seed = () => runSeed({ gatewayUrl: system.gateway, authorization, log: (line) => lines.push(line) });
  const demo = () => runDemo({ gatewayUrl: system.gateway, authorization, log: (line) => lines.push(line), timeoutMs: 240_000 });

  /** Every figure the demo makes: the half-year's summary (whole answer) and each campaign's, as JSON text. */
  const reports = async () => {
    const campaigns = await api.listAll<{ id: string; name: string }>('/donors/campaigns');
    const ours = campaigns.filter((c) => CAMPAIGNS.some((s) => s.name === c.name));
    expect(ours).toHaveLength(CAMPAIGNS.length);
    const summary = (query = '') => api.get(`/reporting/reports/summary?from=${HALF_YEAR.from}&to=${HALF_YEAR.to}${query}`);
    return JSON.stringify({
      summary: await summary(),
      byCampaign: await Promise.all(ours.map(async (c) => [c.name, await summary(`&campaignId=${c.id}`), await api.get(`/reporting/reports/campaigns/${c.id}`)])),
    });
  };
  /** How many records of each kind the API lists, and how many events each topic holds. */
  const counts = async () => {
    const total = async (path: string) => (await api.get<{ total: number }>(`${path}${path.includes('?') ? '&' : '?'}pageSize=1`)).total;
    return {
      campaigns: await total('/donors/campaigns'),
      pledges: await total('/donors/pledges'),
      children: await total('/beneficiaries/children'),
      allocations: await total('/beneficiaries/allocations'),
      sponsorships: await total('/beneficiaries/sponsorships'),
      deliveries: await total('/inventory/deliveries'),
      stockMovements: await total('/inventory/stock/movements'),
      events: await system.eventCounts(),
    };
  };

  beforeAll(async () => {
    system = await startTestSystem('demo');
    // As `npm run seed` and `npm run demo` sign in: GIFTFLOW_ADMIN_PASSWORD, else the password file the gateway wrote.
    authorization = await signInAsAdmin(system.gateway, { GIFTFLOW_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD });
    api = new ApiClient({ gatewayUrl: system.gateway, authorization });
  });

  afterAll(async () => {
    await system?.stop();
  });

  let first: DemoResult;
  let reportsAfterFirst: string;
  let countsAfterFirst: Awaited<ReturnType<typeof counts>>;

  it('1. the seed loads the whole population; its second run creates nothing', async () => {
    expect((await seed()).created).toBeGreaterThan(POPULATION_SIZE);
    expect((await seed()).created).toBe(0);
  });

  it('2. the demo plays the half-year: every figure is the provincial report\'s', async () => {
    first = await demo();
    expect(first.mismatches).toEqual([]);
    expect(first.figures).toEqual(EXPECTED_FIGURES);
    // The other goods of the report, each in its own category beside gifts, scholarships and bicycles.
    const categories = first.summary.byCategory.filter((c) => c.deliveredQty > 0).map((c) => c.category);
    expect(categories).toEqual(expect.arrayContaining(['cabinets', 'clothes', 'backpacks', 'school_supplies', 'household_items', 'colouring_sets',
      'notebooks_books', 'milk', 'teddy_bears', 'haircuts']));
    // Failed deliveries were retried and delivered; one phone synced its day late (the log says so).
    expect(lines.some((l) => /deliveries failed \(nobody home\)/.test(l))).toBe(true);
    expect(lines.some((l) => /a phone offline on .* syncs its \d+ deliveries late/.test(l))).toBe(true);
    // The half-year document, in Vietnamese, with the report's headline figure.
    expect(first.reportText).toContain('5.935 suất quà');

    await sleep(3_000); // anything still on its way is on its topic and in the read models by now
    reportsAfterFirst = await reports();
    countsAfterFirst = await counts();
    // 105 s on an idle 2-core machine (README); no bound here, as a machine shared with other test runs
    // took 6–8 minutes and more.
  }, 1_500_000);

  it('3. seed and demo again change nothing: the same reports byte for byte, the same counts, no new event', async () => {
    expect((await seed()).created).toBe(0);
    const second = await demo();
    expect(second.mismatches).toEqual([]);
    expect(second.summary).toEqual(first.summary);
    await sleep(3_000);
    expect(await counts()).toEqual(countsAfterFirst);
    expect(await reports()).toBe(reportsAfterFirst);
  }, 900_000);
});
