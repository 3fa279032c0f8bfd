import { SCENARIOS } from './fault-scenarios';
import { formatTotals, runSuite } from './fault-suite';

/**
 * `npm test` runs every fault scenario once, with the same code as `npm run test:faults` (docs/backbone.md,
 * "The fault suite"); RELIABILITY.md records a run with --runs 20. Each scenario needs `npm run build` first
 * (its killed processes are compiled fixtures; npm test builds).
 */
describe('fault suite, one run of each scenario', () => {
  it.each(SCENARIOS.map((s) => [s.title, s.id]))('%s', async (_title, id) => {
    const totals = await runSuite({ runs: 1, scenarios: [id], log: (line) => process.stdout.write(`${line}\n`) });
    const [t] = totals;
    if (t.problems.length + t.lost + t.doubled + t.outOfOrder > 0) throw new Error(formatTotals(totals));
    expect(t.eventsIn).toBeGreaterThan(0);
    expect({ lost: t.lost, doubled: t.doubled, outOfOrder: t.outOfOrder, handled: t.handled }).toEqual({ lost: 0, doubled: 0, outOfOrder: 0, handled: t.eventsIn });
  }, 300_000);
});
