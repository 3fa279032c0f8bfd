// `npm run test:faults -- --runs N [--scenario S]`: the fault scenarios of docs/backbone.md against the real broker
// and PostgreSQL, each N times with randomized timing (kill points, batch sizes, keys); every run has its own topics
// and databases. Prints one table and exits non-zero on any lost, doubled or out-of-order event, or a failed check.
import { randomInt } from 'node:crypto';
import { deleteTopicsWithPrefix, testKafka, testRunTag } from '@giftflow/testing';
import { seededRandom } from './fault-harness';
import { Cleanup, RunResult, SCENARIOS, Scenario, dropRunDatabases } from './fault-scenarios';
import { SecondBroker } from './second-broker';

export interface ScenarioTotals {
  scenario: string;
  runs: number;
  eventsIn: number;
  handled: number;
  lost: number;
  doubled: number;
  outOfOrder: number;
  seconds: number;
  problems: string[];
}

export interface SuiteOptions {
  runs: number;
  scenarios?: string[];
  /** Per-run progress. */
  log?: (line: string) => void;
  /** Delete each passed run's topics at once (the CLI's long runs; under `npm test` the run's end deletes them). */
  deleteTopics?: boolean;
}

export function selectScenarios(ids?: string[]): Scenario[] {
  if (!ids || ids.length === 0) return SCENARIOS;
  return ids.map((id) => {
    const found = SCENARIOS.find((s, i) => s.id === id || String(i + 1) === id);
    if (!found) throw new Error(`unknown scenario ${id}; one of: ${SCENARIOS.map((s, i) => `${i + 1}|${s.id}`).join(', ')}`);
    return found;
  });
}

export async function runSuite(options: SuiteOptions): Promise<ScenarioTotals[]> {
  const log = options.log ?? (() => undefined);
  const kafka = testKafka('giftflow-faults');
  let broker: SecondBroker | null = null;
  const totals: ScenarioTotals[] = [];
  try {
    for (const scenario of selectScenarios(options.scenarios)) {
      const index = SCENARIOS.indexOf(scenario) + 1;
      const sum: ScenarioTotals = { scenario: scenario.title, runs: 0, eventsIn: 0, handled: 0, lost: 0, doubled: 0, outOfOrder: 0, seconds: 0, problems: [] };
      for (let run = 1; run <= options.runs; run += 1) {
        const seed = randomInt(2 ** 31);
        const label = `s${index}-r${run}`;
        const cleanup = new Cleanup();
        const started = Date.now();
        let outcome: RunResult;
        try {
          outcome = await scenario.run({
            kafka, random: seededRandom(seed), label,
            broker: async () => {
              if (!broker) {
                broker = new SecondBroker();
                await broker.start();
              }
              return broker;
            },
          }, cleanup);
        } catch (error) {
          outcome = { eventsIn: 0, handled: 0, lost: 0, doubled: 0, outOfOrder: 0, problems: [`run failed: ${(error as Error).message}`] };
        } finally {
          await cleanup.run();
        }
        const seconds = (Date.now() - started) / 1000;
        sum.runs += 1;
        sum.eventsIn += outcome.eventsIn;
        sum.handled += outcome.handled;
        sum.lost += outcome.lost;
        sum.doubled += outcome.doubled;
        sum.outOfOrder += outcome.outOfOrder;
        sum.seconds += seconds;
        sum.problems.push(...outcome.problems.map((p) => `${scenario.id} run ${run} (seed ${seed}): ${p}`));
        const bad = outcome.lost + outcome.doubled + outcome.outOfOrder + outcome.problems.length > 0;
        log(`${bad ? 'FAIL' : 'ok  '} ${scenario.id} run ${run}/${options.runs} seed ${seed}: ${outcome.eventsIn} in, ${outcome.handled} handled, ` +
          `${outcome.lost} lost, ${outcome.doubled} doubled, ${outcome.outOfOrder} out of order, ${seconds.toFixed(1)} s${outcome.problems.length ? `; ${outcome.problems.join('; ')}` : ''}`);
        if (!bad) { // a failed run's databases and topics are kept to look at
          await dropRunDatabases(label).catch(() => undefined);
          if (options.deleteTopics) await deleteTopicsWithPrefix(kafka, `test.${testRunTag()}.faults-${label}.`);
        }
      }
      totals.push(sum);
    }
  } finally {
    await (broker as SecondBroker | null)?.stop();
  }
  return totals;
}

export function failed(totals: ScenarioTotals[]): boolean {
  return totals.some((t) => t.lost + t.doubled + t.outOfOrder + t.problems.length > 0);
}

export function formatTotals(totals: ScenarioTotals[]): string {
  const header = ['scenario', 'runs', 'events in', 'handled', 'lost', 'doubled', 'out of order per key', 'seconds'];
  const rows = totals.map((t) => [t.scenario, t.runs, t.eventsIn, t.handled, t.lost, t.doubled, t.outOfOrder, t.seconds.toFixed(1)].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const lines = [line(header), `|${widths.map((w, i) => (i === 0 ? '-' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`, ...rows.map(line)];
  const problems = totals.flatMap((t) => t.problems);
  return [...lines, ...(problems.length ? ['', 'problems:', ...problems.map((p) => `- ${p}`)] : [])].join('\n');
}

function parseArgs(argv: string[]): SuiteOptions {
  let runs = 1;
  const scenarios: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else if (argv[i] === '--scenario') scenarios.push(...String(argv[++i]).split(','));
    else throw new Error(`unexpected ${argv[i]}; usage: npm run test:faults -- --runs N [--scenario S]`);
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive whole number');
  selectScenarios(scenarios);
  return { runs, scenarios };
}

async function main(): Promise<number> {
  let options: SuiteOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const started = new Date();
  const totals = await runSuite({ ...options, deleteTopics: true, log: (l) => console.log(l) });
  console.log(`\nfault suite, ${options.runs} run(s) per scenario, started ${started.toISOString()}, ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s\n`);
  console.log(formatTotals(totals));
  return failed(totals) ? 1 : 0;
}

if (require.main === module) void main().then((code) => process.exit(code));
