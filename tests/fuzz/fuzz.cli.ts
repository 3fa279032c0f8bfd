// `npm run test:fuzz -- --cases N [--seed S]`: property-based fuzzing of every route of the four services of a
// running system (`npm start`, or DONORS_URL / INVENTORY_URL / BENEFICIARIES_URL / REPORTING_URL). The routes are
// discovered from each service's Nest module; N cases in all are spread evenly over them. Prints every route's
// cases, 2xx, 4xx, 5xx, the totals and each shrunk counterexample; exits 1 on any 5xx or unhealthy service.
// Signs in as admin@giftflow.local at the gateway (GATEWAY_URL; GIFTFLOW_ADMIN_PASSWORD or the generated password).
import 'reflect-metadata';
import { RouteOutcome, describeFailure, discoverRoutes, fuzzServices, totals } from '@giftflow/testing';
import { signInAsAdmin } from '../../seeds/sign-in';
import { FUZZED_SERVICES } from './fuzz-targets';

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(3_000) })).ok;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const cases = Number(argument('cases') ?? 1_000);
  const seed = Number(argument('seed') ?? Date.now() % 1_000_000);
  if (!Number.isInteger(cases) || cases <= 0) throw new Error(`--cases must be a positive whole number, not ${argument('cases')}`);
  const authorization = await signInAsAdmin(process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000');
  const targets = FUZZED_SERVICES.map((s) => ({ ...s, authorization, url: process.env[`${s.service.toUpperCase()}_URL`] ?? `http://127.0.0.1:${s.port}` }));
  const down = [];
  for (const t of targets) if (!(await answers(t.url))) down.push(`${t.service} (${t.url})`);
  if (down.length > 0) {
    console.error(`not healthy: ${down.join(', ')}. Start the system first (npm start), or point *_URL at it.`);
    return 2;
  }
  const routeCount = targets.reduce((n, t) => n + discoverRoutes(t.module).filter((r) => r.path !== '/health').length, 0);
  const casesPerRoute = Math.max(1, Math.ceil(cases / routeCount));
  console.log(`fuzzing ${routeCount} routes of ${targets.length} services, ${casesPerRoute} cases each, seed ${seed}`);
  const started = Date.now();
  const line = (o: RouteOutcome) =>
    `${o.service.padEnd(14)}${o.route.padEnd(44)}${String(o.cases).padStart(6)} cases ${String(o.status2xx).padStart(6)} 2xx ${String(o.status4xx).padStart(6)} 4xx ${String(o.status5xx).padStart(4)} 5xx`
    + (o.counterexample || o.unhealthy ? '  FAILED' : '');
  const outcomes = await fuzzServices(targets, { casesPerRoute, seed, onRoute: (o) => console.log(line(o)) });
  const sum = totals(outcomes);
  console.log(`\n${sum.cases} cases, ${sum.status2xx} 2xx, ${sum.status4xx} 4xx, ${sum.status5xx} 5xx over ${sum.routes} routes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const failed = outcomes.filter((o) => o.counterexample || o.unhealthy);
  if (failed.length === 0) {
    console.log('no counterexample: every answer was a 2xx or a 4xx with a message, and every service stayed healthy');
    return 0;
  }
  console.log(`\n${failed.length} route(s) failed; shrunk counterexamples (replay with --seed ${seed}):`);
  for (const o of failed) console.log(describeFailure(o) + '\n');
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`test:fuzz: ${error.message}`);
    process.exit(2);
  },
);
