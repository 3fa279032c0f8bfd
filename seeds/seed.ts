/**
 * The seed: loads the reference data (catalogue, warehouses, donors and partners, institutions) and the fictional
 * population of children into a running giftflow through the gateway's public API, as the console would, so every
 * event flows. Idempotent: a second run creates nothing and says so.
 *
 * How each kind knows what is "already present":
 * - items, warehouses: listed first (GET), a 409 on create counts as present too;
 * - donors: listed first by name (GET /donors, paged); created with a stable Idempotency-Key (a replay, header
 *   `Idempotent-Replayed`, is present), a 409 `{possibleDuplicateOf}` (same phone/e-mail/tax code) is present;
 * - institutions, children: created with stable Idempotency-Keys (`seed:child:c00042`); the service answers a
 *   retried key with the record it made then, recognised by the replay header or by a registration time before this
 *   run started (same machine clock); a 409 (beneficiaries' duplicate rule: same name, birth date and commune) is
 *   present.
 */
import { CATALOGUE_ITEMS, CatalogueItem, WAREHOUSE_SEEDS } from './reference/catalogue';
import { DONOR_SEEDS, INSTITUTION_SEEDS } from './reference/partners';
import { ChildSeed, generateChildren } from './population';
import { signInAsAdmin } from './sign-in';

export type SeedKind = 'items' | 'warehouses' | 'donors' | 'institutions' | 'children';
export interface KindSummary {
  kind: SeedKind;
  wanted: number;
  created: number;
  present: number;
}
export interface SeedSummary {
  gatewayUrl: string;
  kinds: KindSummary[];
  created: number;
  /** false when inventory refused the `stocked` field (it predates the warehouse issue). */
  stockedSent: boolean;
  ms: number;
}
export interface SeedOptions {
  gatewayUrl: string;
  /** How many children of the population (default: all of it). */
  children?: number;
  /** Requests in flight while registering children. Default 8. */
  concurrency?: number;
  log?: (line: string) => void;
  /** `Bearer <token>` to act with; default: sign in as admin@giftflow.local (GIFTFLOW_ADMIN_PASSWORD or the generated one). */
  authorization?: string;
}

interface Answer {
  status: number;
  body: unknown;
  replayed: boolean;
}

export async function runSeed(options: SeedOptions): Promise<SeedSummary> {
  const gateway = options.gatewayUrl.replace(/\/$/, '');
  const log = options.log ?? ((line: string) => console.log(`[seed] ${line}`));
  const concurrency = options.concurrency ?? 8;
  const started = Date.now();
  let authorization = options.authorization ?? '';

  const call = async (method: 'GET' | 'POST', path: string, body?: unknown, key?: string): Promise<Answer> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const reply = await fetch(`${gateway}/api${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...(key ? { 'idempotency-key': key } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await reply.text();
        // A 5xx (a service restarting, 502 from the gateway) is retried: every create here is idempotent.
        if (reply.status >= 500 && attempt < 4) {
          await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
          continue;
        }
        return { status: reply.status, body: text ? JSON.parse(text) : null, replayed: reply.headers.get('idempotent-replayed') === 'true' };
      } catch (error) {
        if (attempt >= 4) throw new Error(`${method} ${path}: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  };
  const fail = (what: string, answer: Answer): never => {
    throw new Error(`${what} → ${answer.status}: ${JSON.stringify(answer.body)}`);
  };
  /** Every element of a list route, whether it answers an array or pages `{items, total, page, pageSize}`. */
  const listAll = async <T>(path: string): Promise<T[]> => {
    const all: T[] = [];
    for (let page = 1; ; page += 1) {
      const answer = await call('GET', `${path}${path.includes('?') ? '&' : '?'}page=${page}&pageSize=200`);
      if (answer.status !== 200) fail(`GET ${path}`, answer);
      const body = answer.body as T[] | { items: T[]; total: number };
      if (Array.isArray(body)) return body;
      all.push(...body.items);
      if (body.items.length === 0 || all.length >= body.total) return all;
    }
  };
  /** Created in this run, or answered from before: a replayed key, or a record older than this run. */
  const wasPresent = (answer: Answer, timeField: string): boolean => {
    const at = (answer.body as Record<string, unknown> | null)?.[timeField];
    return answer.replayed || (typeof at === 'string' && Date.parse(at) < started);
  };

  const health = await call('GET', '/donors/health').catch((error: Error) => {
    throw new Error(`no giftflow at ${gateway} (${error.message}): start it with \`npm start\` first, or set GATEWAY_URL`);
  });
  if (health.status !== 200) fail(`GET ${gateway}/api/donors/health`, health);
  authorization ||= await signInAsAdmin(gateway);

  const kinds: KindSummary[] = [];
  const tally = (kind: SeedKind, wanted: number): KindSummary => {
    const summary = { kind, wanted, created: 0, present: 0 };
    kinds.push(summary);
    return summary;
  };

  // 1. The catalogue. `stocked` (issue #10) is sent until inventory refuses it as an unknown field (400 naming it).
  const items = tally('items', CATALOGUE_ITEMS.length);
  const knownItems = new Set((await listAll<{ code: string }>('/inventory/items')).map((i) => i.code));
  let stockedSent = true;
  for (const item of CATALOGUE_ITEMS) {
    if (knownItems.has(item.code)) {
      items.present += 1;
      continue;
    }
    const body = (withStocked: boolean): Partial<CatalogueItem> => {
      const { stocked, ...rest } = item;
      return withStocked ? { ...rest, stocked } : rest;
    };
    let answer = await call('POST', '/inventory/items', body(stockedSent));
    if (answer.status === 400 && stockedSent && JSON.stringify(answer.body).includes('stocked')) {
      stockedSent = false;
      log('items: this inventory does not know `stocked` yet (issue #10): services are registered as ordinary items');
      answer = await call('POST', '/inventory/items', body(false));
    }
    if (answer.status === 201) items.created += 1;
    else if (answer.status === 409) items.present += 1;
    else fail(`POST /inventory/items ${item.code}`, answer);
  }
  log(`items: ${describe(items)}`);

  // 2. Warehouses: the provincial store and the eleven district offices.
  const warehouses = tally('warehouses', WAREHOUSE_SEEDS.length);
  const knownWarehouses = new Set((await listAll<{ code: string }>('/inventory/warehouses')).map((w) => w.code));
  for (const warehouse of WAREHOUSE_SEEDS) {
    if (knownWarehouses.has(warehouse.code)) {
      warehouses.present += 1;
      continue;
    }
    const answer = await call('POST', '/inventory/warehouses', warehouse);
    if (answer.status === 201) warehouses.created += 1;
    else if (answer.status === 409) warehouses.present += 1;
    else fail(`POST /inventory/warehouses ${warehouse.code}`, answer);
  }
  log(`warehouses: ${describe(warehouses)}`);

  // 3. Donors and partners.
  const donors = tally('donors', DONOR_SEEDS.length);
  const knownDonors = new Set((await listAll<{ name: string }>('/donors/donors')).map((d) => d.name));
  for (const { key, ...donor } of DONOR_SEEDS) {
    if (knownDonors.has(donor.name)) {
      donors.present += 1;
      continue;
    }
    const answer = await call('POST', '/donors/donors', donor, `seed:donor:${key}`);
    if (answer.status === 201) wasPresent(answer, 'createdAt') ? (donors.present += 1) : (donors.created += 1);
    else if (answer.status === 409) donors.present += 1;
    else fail(`POST /donors/donors ${key}`, answer);
  }
  log(`donors: ${describe(donors)}`);

  // 4. Institutions.
  const institutionSeeds = Object.values(INSTITUTION_SEEDS);
  const institutions = tally('institutions', institutionSeeds.length);
  for (const { key, ...institution } of institutionSeeds) {
    const answer = await call('POST', '/beneficiaries/institutions', institution, `seed:institution:${key}`);
    if (answer.status === 201) wasPresent(answer, 'registeredAt') ? (institutions.present += 1) : (institutions.created += 1);
    else if (answer.status === 409) institutions.present += 1;
    else fail(`POST /beneficiaries/institutions ${key}`, answer);
  }
  log(`institutions: ${describe(institutions)}`);

  // 5. The children, ~8 requests at a time, a progress line every 250.
  const population = generateChildren(options.children);
  const children = tally('children', population.length);
  let done = 0;
  const registerChild = async ({ key, ...child }: ChildSeed): Promise<void> => {
    const answer = await call('POST', '/beneficiaries/children', child, `seed:child:${key}`);
    if (answer.status === 201) wasPresent(answer, 'registeredAt') ? (children.present += 1) : (children.created += 1);
    else if (answer.status === 409) children.present += 1;
    else fail(`POST /beneficiaries/children ${key}`, answer);
    done += 1;
    if (done % 250 === 0 && done < population.length) log(`children: ${done}/${population.length} …`);
  };
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, population.length) }, async () => {
    while (next < population.length) await registerChild(population[next++]);
  }));
  log(`children: ${describe(children)}`);

  const created = kinds.reduce((sum, k) => sum + k.created, 0);
  return { gatewayUrl: gateway, kinds, created, stockedSent, ms: Date.now() - started };
}

const describe = (k: KindSummary): string => `${k.wanted} wanted: ${k.created} created, ${k.present} already present`;

/** The closing lines: one per kind and a verdict. */
export function summaryLines(summary: SeedSummary): string[] {
  const lines = summary.kinds.map((k) => `  ${k.kind.padEnd(13)} ${String(k.wanted).padStart(5)}  created ${String(k.created).padStart(5)}  already present ${String(k.present).padStart(5)}`);
  lines.unshift(`summary (${summary.gatewayUrl}, ${(summary.ms / 1000).toFixed(1)} s):`);
  lines.push(summary.created === 0 ? 'nothing changed: everything was already present' : `${summary.created} records created`);
  return lines;
}
