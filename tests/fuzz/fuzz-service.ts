import { INestApplication } from '@nestjs/common';
import { ServiceTestApp, describeFailure, discoverRoutes, fuzzServices, startServiceForTest, totals, uniquePrefix } from '@giftflow/testing';
import { FUZZED_SERVICES, FuzzedService } from './fuzz-targets';

/** Cases per route in `npm test` (FUZZ_CASES_PER_ROUTE overrides; `npm run test:fuzz` runs as many as asked). */
const CASES_PER_ROUTE = Number(process.env.FUZZ_CASES_PER_ROUTE ?? 200);
/**
 * What one service's fuzzing may take in `npm test` (FUZZ_BUDGET_MS overrides): on a machine so loaded that
 * CASES_PER_ROUTE do not fit, each route runs MIN_CASES and then what fits in its share of the budget.
 */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 35_000);
const MIN_CASES = Math.min(CASES_PER_ROUTE, 30);

/** The inputs that answered 500 before the HTTP edge (issue #8), each a 400 naming the field now. */
const REGRESSIONS: Partial<Record<FuzzedService, { method: 'get' | 'post'; path: string; body?: unknown; message: string }[]>> = {
  inventory: [
    { method: 'get', path: '/items/%00', message: 'code must not contain a NUL character' },
    { method: 'post', path: '/items', body: { code: 'nul', name: 'Xe\u0000', category: 'bicycles', unit: 'piece', unitValueVnd: 1 }, message: 'name must not contain a NUL character' },
    { method: 'post', path: '/items', body: { code: 'nul', name: 'Xe', category: 'bicycles', unit: '\u0000', unitValueVnd: 1 }, message: 'unit must not contain a NUL character' },
  ],
  beneficiaries: [
    { method: 'post', path: '/allocations', body: { beneficiaryId: '8b5c6a4e-0a49-4c36-9d7e-3a1f7e6e2a11', lines: [[]] }, message: 'lines.0 must be an object' },
    { method: 'get', path: '/children/%00', message: 'id must not contain a NUL character' },
  ],
  donors: [
    { method: 'post', path: '/donors', body: { name: 'a\u0000', kind: 'individual' }, message: 'name must not contain a NUL character' },
  ],
};

/** `METHOD /path` of every route Express actually serves in this app (its router, after Nest built it). */
function servedRoutes(app: INestApplication): string[] {
  const router = (app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router;
  // `/{*path}` is no route of ours: Nest mounts module middleware for every path (nestjs-pino's request logging)
  // as a route on every method; controllers' routes are all the rest.
  return router.stack.flatMap((layer) =>
    layer.route && layer.route.path !== '/{*path}' ? Object.keys(layer.route.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${layer.route!.path}`) : []);
}

/**
 * The fuzz suite of one service, in-process against the real PostgreSQL and Kafka: every route discovered from
 * its module gets CASES_PER_ROUTE generated requests; none may answer 5xx (or a 4xx without a message), and
 * GET /health must stay ok.
 */
export function describeFuzz(service: FuzzedService): void {
  const { module } = FUZZED_SERVICES.find((s) => s.service === service)!;
  const database = `giftflow_test_${service}_http_fuzz`;

  describe(`${service}: every route, fuzzed (${CASES_PER_ROUTE} cases each)`, () => {
    let running: ServiceTestApp;

    beforeAll(async () => {
      running = await startServiceForTest(service, module, { database, topicPrefix: uniquePrefix(`${service}-fuzz`) });
    });
    afterAll(() => running?.close());

    it('discovers from the module\'s metadata every route the app serves', () => {
      const discovered = discoverRoutes(module).map((r) => `${r.method} ${r.path}`).sort();
      expect(discovered).toEqual(servedRoutes(running.app).sort());
      expect(discovered.length).toBeGreaterThan(2);
    });

    for (const r of REGRESSIONS[service] ?? []) {
      it(`regression: ${r.method.toUpperCase()} ${r.path} ${r.body ? JSON.stringify(r.body) : ''} is a 400 naming the field, not a 500`, async () => {
        const reply = await running.api()[r.method](r.path).set('Idempotency-Key', `regression-${Math.random()}`).send(r.body as object);
        expect({ status: reply.status, body: reply.body }).toEqual({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: [r.message] } });
      });
    }

    it('answers every generated request with a 2xx or a 4xx with a message, and stays healthy', async () => {
      const started = Date.now();
      const outcomes = await fuzzServices([{ service, url: running.url, module, authorization: running.authorization }], {
        casesPerRoute: CASES_PER_ROUTE,
        budgetMsPerTarget: BUDGET_MS,
        minCasesPerRoute: MIN_CASES,
        // A fixed seed in `npm test` (the same cases every run); `npm run test:fuzz` and FUZZ_SEED explore others.
        seed: Number(process.env.FUZZ_SEED ?? 20_261_129),
        onRoute: (o) => process.env.FUZZ_VERBOSE && process.stdout.write(`${o.route}: ${o.cases} cases, ${o.status2xx} 2xx, ${o.status4xx} 4xx, ${o.status5xx} 5xx (${Date.now() - started} ms)\n`),
      });
      const failures = outcomes.filter((o) => o.counterexample || o.unhealthy).map(describeFailure);
      const sum = totals(outcomes);
      // The suite must really get past validation on some routes, or it only tests the 400 path.
      expect({ failures, someSucceeded: sum.status2xx > 0, everyRouteRan: outcomes.every((o) => o.cases >= MIN_CASES) })
        .toEqual({ failures: [], someSucceeded: true, everyRouteRan: true });
    });
  });
}
