import { Type } from '@nestjs/common';
import fc from 'fast-check';
import { Agent } from 'node:http';
import { RouteSpec, discoverRoutes } from './discover-routes';
import { FuzzResponse, SentRequest, ValuePool, badAnswer, requestArbitrary, resolveRequest, sendRequest } from './fuzz-request';

export interface FuzzTarget {
  service: string;
  /** Base URL of the running service, e.g. http://127.0.0.1:3002. */
  url: string;
  /** Its Nest module: the routes are read from its metadata. */
  module: Type<unknown>;
  /** `Bearer <token>` sent with every request (a role every route allows), so the cases reach the handlers. */
  authorization?: string;
}

export interface RouteOutcome {
  service: string;
  route: string;
  cases: number;
  status2xx: number;
  status4xx: number;
  status5xx: number;
  /** Set when the property failed: the shrunk counterexample, what it got, and why that is wrong. */
  counterexample?: { request: SentRequest; response?: FuzzResponse; reason: string; seed: number; path?: string };
  /** Set when GET /health was not ok after this route's cases. */
  unhealthy?: string;
}

export interface FuzzOptions {
  casesPerRoute: number;
  seed?: number;
  /** Called as each route finishes (progress lines in the CLI). */
  onRoute?: (outcome: RouteOutcome) => void;
  /**
   * Wall-clock budget for all of one target's routes, shared evenly among the routes not yet run: a route whose
   * share runs out stops early (its cases so far count). Unset: every route runs all casesPerRoute.
   */
  budgetMsPerTarget?: number;
  /** Cases every route runs even when the budget is spent (default: all casesPerRoute). */
  minCasesPerRoute?: number;
  /** Skip routes whose `METHOD /path` matches (none by default: /health is always skipped, it is the check). */
  skip?: RegExp;
}

/** POSTs first, so that the ids and codes they create are in the pool when the reads and sub-resources run. */
const order = (a: RouteSpec, b: RouteSpec) => Number(a.method === 'GET') - Number(b.method === 'GET') || a.params.length - b.params.length;

/**
 * undefined when GET /health is ok within `withinMs` (on a loaded machine the Kafka probe can miss its 3 s for a while;
 * a service that stays unhealthy is what this catches), else the last answer.
 */
async function health(url: string, agent: Agent, withinMs = 60_000): Promise<string | undefined> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    let last: string;
    try {
      const reply = await sendRequest(url, { method: 'GET', path: '/health', headers: {} }, agent, 10_000);
      if (reply.status === 200) return undefined;
      last = `GET /health answered ${reply.status} ${reply.body}`;
    } catch (error) {
      last = `GET /health failed: ${(error as Error).message}`;
    }
    if (Date.now() > deadline) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Property-based fuzzing of every route of each service (discovered from its Nest module): for each, casesPerRoute
 * generated requests (plausible DTO bodies, mutated ones, nasty path ids, queries and headers); the property is
 * "a 2xx, or a 4xx with a message". On a failure fast-check shrinks it to a small counterexample. After each route,
 * GET /health must still be ok.
 */
export async function fuzzServices(targets: FuzzTarget[], options: FuzzOptions): Promise<RouteOutcome[]> {
  const outcomes: RouteOutcome[] = [];
  const pool = new ValuePool();
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  try {
    for (const target of targets) {
      const routes = discoverRoutes(target.module)
        .filter((r) => !(r.method === 'GET' && r.path === '/health'))
        .filter((r) => !options.skip?.test(`${r.method} ${r.path}`))
        .sort(order);
      const deadline = options.budgetMsPerTarget === undefined ? undefined : Date.now() + options.budgetMsPerTarget;
      for (const [i, route] of routes.entries()) {
        const timeLimitMs = deadline === undefined ? undefined : Math.max(1_000, (deadline - Date.now()) / (routes.length - i));
        const outcome = await fuzzRoute(target, route, pool, agent, { ...options, timeLimitMs });
        outcome.unhealthy = await health(target.url, agent);
        outcomes.push(outcome);
        options.onRoute?.(outcome);
      }
    }
  } finally {
    agent.destroy();
  }
  return outcomes;
}

async function fuzzRoute(
  target: FuzzTarget, route: RouteSpec, pool: ValuePool, agent: Agent, options: FuzzOptions & { timeLimitMs?: number },
): Promise<RouteOutcome> {
  const outcome: RouteOutcome = { service: target.service, route: `${route.method} ${route.path}`, cases: 0, status2xx: 0, status4xx: 0, status5xx: 0 };
  let shrinking = false;
  let lastFailure: RouteOutcome['counterexample'];
  const property = fc.asyncProperty(requestArbitrary(route), async (generated) => {
    const sent = resolveRequest(route, generated, pool);
    let response: FuzzResponse | undefined;
    let reason: string | null;
    try {
      response = await sendRequest(target.url, target.authorization ? { ...sent, headers: { ...sent.headers, authorization: target.authorization } } : sent, agent);
      reason = badAnswer(response);
    } catch (error) {
      reason = `no answer: ${(error as Error).message}`;
    }
    if (!shrinking && response) {
      outcome.cases++;
      if (response.status < 300) outcome.status2xx++;
      else if (response.status < 500) outcome.status4xx++;
      else outcome.status5xx++;
      if (response.status < 300) {
        try {
          pool.harvest(JSON.parse(response.body));
        } catch {
          // not JSON: nothing to learn from it
        }
      }
    } else if (!shrinking) {
      outcome.cases++;
    }
    if (reason) {
      shrinking = true;
      lastFailure = { request: sent, response, reason, seed: 0 };
    }
    return reason === null;
  });
  // First the floor (minCasesPerRoute, whatever the time), then the rest within the route's share of the budget.
  const floor = Math.min(options.minCasesPerRoute ?? options.casesPerRoute, options.casesPerRoute);
  const phases = [
    { numRuns: floor, seed: options.seed },
    { numRuns: options.casesPerRoute - floor, seed: options.seed === undefined ? undefined : options.seed + 1, interruptAfterTimeLimit: options.timeLimitMs },
  ];
  for (const phase of phases) {
    if (phase.numRuns <= 0) continue;
    const details = await fc.check(property, { ...phase, markInterruptAsFailure: false });
    if (!details.failed) continue;
    outcome.counterexample = lastFailure
      ? { ...lastFailure, seed: details.seed, path: details.counterexamplePath ?? undefined }
      : { request: { method: route.method, path: route.path, headers: {} }, reason: String(details.errorInstance), seed: details.seed };
    break;
  }
  return outcome;
}

/** Totals over every route. */
export function totals(outcomes: RouteOutcome[]) {
  return outcomes.reduce(
    (t, o) => ({
      routes: t.routes + 1,
      cases: t.cases + o.cases,
      status2xx: t.status2xx + o.status2xx,
      status4xx: t.status4xx + o.status4xx,
      status5xx: t.status5xx + o.status5xx,
      failures: t.failures + Number(Boolean(o.counterexample || o.unhealthy)),
    }),
    { routes: 0, cases: 0, status2xx: 0, status4xx: 0, status5xx: 0, failures: 0 },
  );
}

/** A counterexample as a reader can replay it with curl. */
export function describeFailure(o: RouteOutcome): string {
  const lines: string[] = [];
  if (o.counterexample) {
    const { request, response, reason, seed, path } = o.counterexample;
    lines.push(`${o.service} ${o.route}: ${reason} (seed ${seed}${path ? `, path ${path}` : ''}); shrunk counterexample:`);
    lines.push(`  ${request.method} ${clip(request.path, 300)}`);
    for (const [k, v] of Object.entries(request.headers)) lines.push(`  ${k}: ${clip(JSON.stringify(v).slice(1, -1), 300)}`);
    if (request.body !== undefined) lines.push(`  body: ${clip(request.body, 1_000)}`);
    if (response) lines.push(`  → ${response.status} ${clip(response.body, 500)}`);
  }
  if (o.unhealthy) lines.push(`${o.service} unhealthy after ${o.route}: ${o.unhealthy}`);
  return lines.join('\n');
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text);
