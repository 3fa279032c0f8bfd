import fc from 'fast-check';
import { Agent, request } from 'node:http';
import { PoolRef, dtoArbitrary, nastyString, nastyValue, poolCode, poolUuid } from './dto-arbitrary';
import { RouteSpec } from './discover-routes';

/** One generated request, before pool references are resolved. */
export interface FuzzRequest {
  method: string;
  params: (string | PoolRef)[];
  query: Record<string, unknown>;
  headers: Record<string, string | PoolRef>;
  body: { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; contentType: string };
}

/** What was sent, resolved: printable, and re-sendable by hand. */
export interface SentRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FuzzResponse {
  status: number;
  body: string;
}

/** Ids and codes seen in 2xx answers, so generated requests can name things that exist. */
export class ValuePool {
  readonly uuids: string[] = [];
  readonly codes: string[] = [];

  resolve(value: unknown): unknown {
    if (value instanceof PoolRef) {
      const list = value.kind === 'uuid' ? this.uuids : this.codes;
      return list.length > 0 ? list[value.index % list.length] : value.kind === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'none';
    }
    if (Array.isArray(value)) return value.map((v) => this.resolve(v));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(v)]));
    return value;
  }

  /** Remembers `id`/`…Id` UUIDs and `code`/`…Code` strings of an answer. */
  harvest(json: unknown, depth = 0): void {
    if (depth > 6 || json === null || typeof json !== 'object') return;
    for (const [key, value] of Object.entries(json)) {
      if (typeof value === 'string' && /^(id|.*Id)$/.test(key) && /^[0-9a-f-]{36}$/i.test(value)) remember(this.uuids, value);
      else if (typeof value === 'string' && /^(code|.*Code)$/.test(key) && value.length <= 64) remember(this.codes, value);
      else this.harvest(value, depth + 1);
    }
  }
}

const remember = (list: string[], value: string) => {
  if (list.includes(value)) return;
  list.push(value);
  if (list.length > 300) list.shift();
};

/** A mutation of a generated object: at the `pick`-th place (any depth), set a nasty value, delete it, or add a field. */
interface Mutation {
  pick: number;
  op: 'set' | 'delete' | 'add';
  key: string;
  value: unknown;
}

const mutationArbitrary = (): fc.Arbitrary<Mutation> =>
  fc.record({ pick: fc.nat(), op: fc.constantFrom<Mutation['op']>('set', 'set', 'set', 'delete', 'add'), key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'id')), value: nastyValue() });

function clone(value: unknown): unknown {
  if (value instanceof PoolRef || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)]));
}

/**
 * Applies mutations in order; each one picks among the containers and places present at that moment.
 * Inserted values are copies: fast-check hands out the same instance of a constant (`{}`, `[[]]`) to every case,
 * and a later mutation adding into a shared constant once made it contain itself (a stack overflow in the next case).
 */
export function mutate(base: unknown, mutations: Mutation[]): unknown {
  let root = clone(base);
  for (const mutation of mutations) {
    const m = { ...mutation, value: clone(mutation.value) };
    const places: { parent: Record<string, unknown> | unknown[] | null; key: string | number }[] = [{ parent: null, key: '' }];
    const walk = (v: unknown, depth: number) => {
      if (depth > 6 || v === null || typeof v !== 'object' || v instanceof PoolRef) return;
      for (const [k, child] of Object.entries(v)) {
        places.push({ parent: v as Record<string, unknown>, key: Array.isArray(v) ? Number(k) : k });
        walk(child, depth + 1);
      }
    };
    walk(root, 0);
    const place = places[m.pick % places.length];
    if (place.parent === null) {
      if (m.op === 'set') root = m.value;
      else if (m.op === 'add' && root && typeof root === 'object' && !Array.isArray(root)) Object.defineProperty(root, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    const parent = place.parent as Record<string | number, unknown>;
    if (m.op === 'set') parent[place.key] = m.value;
    else if (m.op === 'delete') Array.isArray(parent) ? parent.splice(place.key as number, 1) : delete parent[place.key];
    else if (!Array.isArray(parent)) Object.defineProperty(parent, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

/** Plausible values for a DTO, sometimes mutated a little, sometimes replaced by anything at all. */
const plausibleOrMutated = (plausible: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: plausible },
    { weight: 5, arbitrary: fc.tuple(plausible, fc.array(mutationArbitrary(), { minLength: 1, maxLength: 3 })).map(([b, ms]) => mutate(b, ms)) },
    { weight: 1, arbitrary: nastyValue() },
  );

const RAW_BODIES = ['{', '{"a":', '[', 'null', '"text"', '1', 'true', '{"a":1}{"b":2}', '{"lines":[[]]}', '\u0000', '{"__proto__":{"x":1}}', '{"a":"\\u0000"}', '{"a":"\\ud800"}'];

function bodyArbitrary(route: RouteSpec): fc.Arbitrary<FuzzRequest['body']> {
  const raw = fc.record({
    kind: fc.constant('raw' as const),
    text: fc.oneof(fc.constantFrom(...RAW_BODIES), fc.string({ unit: 'binary', maxLength: 60 }), fc.constant('['.repeat(5_000))),
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml'),
  });
  const json = (value: fc.Arbitrary<unknown>) => value.map((v) => ({ kind: 'json' as const, value: v }));
  if (route.body) return fc.oneof({ weight: 9, arbitrary: json(plausibleOrMutated(dtoArbitrary(route.body))) }, { weight: 1, arbitrary: raw });
  if (route.method === 'GET') return fc.oneof({ weight: 8, arbitrary: fc.constant({ kind: 'none' as const }) }, { weight: 1, arbitrary: json(nastyValue()) }, { weight: 1, arbitrary: raw });
  return fc.oneof({ weight: 5, arbitrary: fc.constant({ kind: 'none' as const }) }, { weight: 4, arbitrary: json(nastyValue()) }, { weight: 1, arbitrary: raw });
}

function queryArbitrary(route: RouteSpec): fc.Arbitrary<Record<string, unknown>> {
  const extra = fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...route.queryNames, 'a[b]', 'a[]')), fc.oneof(nastyString(), fc.array(nastyString(), { maxLength: 3 })), { maxKeys: 3 });
  const named = route.queryNames.length ? fc.record(Object.fromEntries(route.queryNames.map((n) => [n, fc.oneof(poolCode(fc.string({ maxLength: 10 })), nastyString())])), { requiredKeys: [] }) : fc.constant({});
  const declared = route.query ? plausibleOrMutated(dtoArbitrary(route.query)) : named;
  return fc.oneof(
    { weight: 6, arbitrary: declared.map((q) => (q && typeof q === 'object' && !Array.isArray(q) ? (q as Record<string, unknown>) : { q })) },
    { weight: 2, arbitrary: fc.tuple(declared, extra).map(([q, e]) => ({ ...(q && typeof q === 'object' ? q : {}), ...e })) },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

const paramArbitrary = (uuid: boolean): fc.Arbitrary<string | PoolRef> =>
  fc.oneof(
    { weight: uuid ? 6 : 3, arbitrary: poolUuid() },
    { weight: uuid ? 1 : 4, arbitrary: poolCode(fc.stringMatching(/^[a-z0-9_-]{1,20}$/)) },
    { weight: 3, arbitrary: nastyString() },
  );

/** Header values Node can send (latin-1 without control characters); others become `?`. */
const headerSafe = (s: string) => s.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

const headersArbitrary = (route: RouteSpec): fc.Arbitrary<Record<string, string | PoolRef>> =>
  fc.record(
    {
      'idempotency-key': fc.oneof(
        { weight: route.method === 'POST' ? 6 : 1, arbitrary: fc.uuid() },
        { weight: 2, arbitrary: fc.constantFrom('fuzz-key-1', 'fuzz-key-2', 'fuzz-key-3') },
        { weight: 2, arbitrary: nastyString().map(headerSafe) },
      ),
      'x-actor': fc.oneof(fc.constantFrom('volunteer-7', 'fuzz'), nastyString().map(headerSafe)),
      'x-correlation-id': fc.oneof(fc.uuid(), nastyString().map(headerSafe)),
      accept: fc.constantFrom('application/json', '*/*', 'text/html'),
    },
    { requiredKeys: [] },
  );

/** Requests aimed at one route: its path with generated ids, its query and body DTOs plausible or mutated, headers. */
export function requestArbitrary(route: RouteSpec): fc.Arbitrary<FuzzRequest> {
  return fc.record({
    method: fc.constant(route.method),
    params: fc.tuple(...route.params.map((p) => paramArbitrary(p.uuid))) as fc.Arbitrary<(string | PoolRef)[]>,
    query: queryArbitrary(route),
    headers: headersArbitrary(route),
    body: bodyArbitrary(route),
  });
}

/**
 * Percent-encodes every UTF-16 code unit of a string, lone surrogates included (as the 3 bytes a lenient
 * encoder would write, which are not valid UTF-8: the service must refuse them, not crash).
 */
export function percentEncode(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(value.slice(i, i + 2));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(value[i]);
    }
  }
  return out;
}

const queryString = (query: Record<string, unknown>): string => {
  const pairs: string[] = [];
  const add = (key: string, value: unknown) => {
    if (value === undefined) return;
    if (Array.isArray(value)) return value.forEach((v) => add(key, v));
    if (value !== null && typeof value === 'object') return Object.entries(value).forEach(([k, v]) => add(`${key}[${k}]`, v));
    pairs.push(`${percentEncode(key)}=${percentEncode(String(value))}`);
  };
  Object.entries(query).forEach(([k, v]) => add(k, v));
  return pairs.length ? `?${pairs.join('&')}` : '';
};

/** The request as it goes on the wire: pool references resolved, path and query percent-encoded. */
export function resolveRequest(route: RouteSpec, generated: FuzzRequest, pool: ValuePool): SentRequest {
  let i = 0;
  const path = route.path.replace(/:(\w+)/g, () => percentEncode(String(pool.resolve(generated.params[i++]))) || '%20');
  const headers = Object.fromEntries(Object.entries(generated.headers).map(([k, v]) => [k, headerSafe(String(pool.resolve(v)))]));
  const sent: SentRequest = { method: generated.method, path: path + queryString(pool.resolve(generated.query) as Record<string, unknown>), headers };
  if (generated.body.kind === 'json') {
    sent.body = JSON.stringify(pool.resolve(generated.body.value)) ?? 'null';
    sent.headers['content-type'] = 'application/json';
  } else if (generated.body.kind === 'raw') {
    sent.body = generated.body.text;
    sent.headers['content-type'] = generated.body.contentType;
  }
  return sent;
}

/** Sends one request over a keep-alive agent; rejects on a network error or no answer within timeoutMs. */
export function sendRequest(baseUrl: string, sent: SentRequest, agent: Agent, timeoutMs = 15_000): Promise<FuzzResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(baseUrl);
    const req = request({ host: url.hostname, port: url.port, method: sent.method, path: sent.path, headers: sent.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(sent.body);
  });
}

/** The property: a 2xx, or a 4xx whose JSON body has a message. Returns why not, or null. */
export function badAnswer(response: FuzzResponse): string | null {
  if (response.status >= 200 && response.status < 300) return null;
  if (response.status < 400 || response.status >= 500) return `answered ${response.status}`;
  try {
    const message = (JSON.parse(response.body) as { message?: unknown }).message;
    const ok = (typeof message === 'string' && message.length > 0) || (Array.isArray(message) && message.length > 0 && message.every((m) => typeof m === 'string'));
    return ok ? null : `answered ${response.status} without a message`;
  } catch {
    return `answered ${response.status} without a JSON body`;
  }
}
