import { Client } from 'pg';
import request from 'supertest';
import { TEST_ADMIN_PASSWORD, sleep, testDatabaseUrl, waitFor } from '@giftflow/testing';
import { TestSystem, startTestSystem } from '../../scripts/test-system';
import { CATALOGUE_ITEMS, WAREHOUSE_SEEDS } from '../../seeds/reference/catalogue';
import { DONOR_SEEDS, INSTITUTION_SEEDS } from '../../seeds/reference/partners';
import { SPONSORED_ORPHANS } from '../../seeds/population';
import { SeedSummary, runSeed, summaryLines } from '../../seeds/seed';
import { signInAsAdmin } from '../../seeds/sign-in';

/**
 * Issue #12: `npm run seed` loads the reference data and the fictional children through the gateway, and a second
 * run changes nothing. The apps run as processes; the children are cut to SEED_CHILDREN (default here 200) to keep
 * the run short — the loader is the same for the full 1,800.
 */
describe('npm run seed, twice', () => {
  const childrenWanted = Number(process.env.SEED_CHILDREN ?? 200);
  const institutionsWanted = Object.keys(INSTITUTION_SEEDS).length;
  let system: TestSystem;
  let gateway: string;
  const lines: string[] = [];
  let authorization: string;
  const seed = () => runSeed({ gatewayUrl: gateway, authorization, children: childrenWanted, log: (line) => lines.push(line) });

  /** Everything the system holds that the seed makes: lists through the gateway, rows where no list route exists yet. */
  const counts = async () => {
    const api = request.agent(gateway).set('Authorization', authorization);
    const items = (await api.get('/api/inventory/items').expect(200)).body;
    const warehouses = (await api.get('/api/inventory/warehouses').expect(200)).body;
    const donors = (await api.get('/api/donors/donors?pageSize=1').expect(200)).body;
    const db = new Client({ connectionString: testDatabaseUrl(system.databases.BENEFICIARIES_DATABASE) });
    await db.connect();
    try {
      const one = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);
      return {
        items: (Array.isArray(items) ? items : items.items).length as number,
        warehouses: (Array.isArray(warehouses) ? warehouses : warehouses.items).length as number,
        donors: donors.total as number,
        institutions: await one('SELECT count(*) AS n FROM institutions'),
        children: await one('SELECT count(*) AS n FROM children'),
        // The five sponsored orphans by name (the generated population may hold other orphans in those wards).
        vinhChauOrphans: await one(
          `SELECT count(*) AS n FROM children WHERE district_code = '950' AND commune_code IN ('31804', '31801') AND 'orphan' = ANY(circumstances)
             AND full_name = ANY($1)`, [SPONSORED_ORPHANS.map((o) => o.fullName)]),
      };
    } finally {
      await db.end();
    }
  };
  const eventsOnTopics = () => system.eventCounts();
  const byKind = (summary: SeedSummary) => Object.fromEntries(summary.kinds.map((k) => [k.kind, { wanted: k.wanted, created: k.created, present: k.present }]));

  beforeAll(async () => {
    system = await startTestSystem('seed');
    gateway = system.gateway;
    // As `npm run seed` signs in: GIFTFLOW_ADMIN_PASSWORD, else the password file the gateway wrote.
    authorization = await signInAsAdmin(gateway, { GIFTFLOW_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD });
  });

  afterAll(async () => {
    await system?.stop();
  });

  let first: SeedSummary;
  let before: Awaited<ReturnType<typeof counts>>;
  let eventsBefore: Awaited<ReturnType<typeof eventsOnTopics>>;

  it('1. the first run creates everything, and every registration is published', async () => {
    first = await seed();
    expect(byKind(first)).toEqual({
      items: { wanted: CATALOGUE_ITEMS.length, created: CATALOGUE_ITEMS.length, present: 0 },
      warehouses: { wanted: WAREHOUSE_SEEDS.length, created: WAREHOUSE_SEEDS.length, present: 0 },
      donors: { wanted: DONOR_SEEDS.length, created: DONOR_SEEDS.length, present: 0 },
      institutions: { wanted: institutionsWanted, created: institutionsWanted, present: 0 },
      children: { wanted: childrenWanted, created: childrenWanted, present: 0 },
    });
    expect(summaryLines(first).at(-1)).toBe(`${first.created} records created`);
    if (childrenWanted >= 250) expect(lines).toContain(`children: 250/${childrenWanted} …`);

    before = await counts();
    expect(before).toEqual({
      items: CATALOGUE_ITEMS.length, warehouses: WAREHOUSE_SEEDS.length, donors: DONOR_SEEDS.length,
      institutions: institutionsWanted, children: childrenWanted, vinhChauOrphans: SPONSORED_ORPHANS.length,
    });
    // Every creation went through the API, so every one is an event (the relay publishes shortly after).
    eventsBefore = await waitFor('the seed\'s events on the topics', async () => {
      const events = await eventsOnTopics();
      return events.donors === DONOR_SEEDS.length
        && events.inventory === CATALOGUE_ITEMS.length + WAREHOUSE_SEEDS.length
        && events.beneficiaries === institutionsWanted + childrenWanted
        && events;
    }, 60_000, 500);
  });

  it('2. the second run creates nothing, says so, and leaves every count and every topic as it was', async () => {
    lines.length = 0;
    const second = await seed();
    expect(byKind(second)).toEqual({
      items: { wanted: CATALOGUE_ITEMS.length, created: 0, present: CATALOGUE_ITEMS.length },
      warehouses: { wanted: WAREHOUSE_SEEDS.length, created: 0, present: WAREHOUSE_SEEDS.length },
      donors: { wanted: DONOR_SEEDS.length, created: 0, present: DONOR_SEEDS.length },
      institutions: { wanted: institutionsWanted, created: 0, present: institutionsWanted },
      children: { wanted: childrenWanted, created: 0, present: childrenWanted },
    });
    expect(second.created).toBe(0);
    expect(summaryLines(second).at(-1)).toBe('nothing changed: everything was already present');

    expect(await counts()).toEqual(before);
    await sleep(3_000); // anything the second run had written would be on its topic by now
    expect(await eventsOnTopics()).toEqual(eventsBefore);
  });
});
