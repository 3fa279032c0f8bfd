import { signInAsAdmin } from './sign-in';

/**
 * The one HTTP client of `npm run seed` and `npm run demo`: every call goes through the gateway's public API
 * (`/api/<service>/…`), as the console's would, signed in like any other client (`connect()`). `headers` is asked
 * for extra request headers before every call.
 */
export type HeaderSource = () => Record<string, string> | Promise<Record<string, string>>;

export interface ApiClientOptions {
  gatewayUrl: string;
  /** `Bearer <token>` to act with; default: `connect()` signs in as admin@giftflow.local (sign-in.ts). */
  authorization?: string;
  headers?: HeaderSource;
  /** Tries per request on a network error, a 5xx or a 409 "retry it" (every write here is idempotent). Default 6. */
  attempts?: number;
}

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  /** The service answered a retried Idempotency-Key from its store (header `Idempotent-Replayed: true`). */
  replayed: boolean;
}

export type Method = 'GET' | 'POST' | 'PATCH';

export class ApiError extends Error {
  constructor(readonly what: string, readonly answer: ApiAnswer) {
    super(`${what} → ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
}

export class ApiClient {
  readonly gatewayUrl: string;

  private authorization: string | undefined;

  constructor(private readonly options: ApiClientOptions) {
    this.gatewayUrl = options.gatewayUrl.replace(/\/$/, '');
    this.authorization = options.authorization;
  }

  /** One request; `path` is below /api (`/donors/donors`). Answers whatever status came back. */
  async call<T = unknown>(method: Method, path: string, body?: unknown, idempotencyKey?: string): Promise<ApiAnswer<T>> {
    const attempts = this.options.attempts ?? 6;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const reply = await fetch(`${this.gatewayUrl}/api${path}`, {
          method,
          headers: {
            'content-type': 'application/json',
            ...(this.authorization ? { authorization: this.authorization } : {}),
            ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
            ...(await this.options.headers?.()),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await reply.text();
        // A 5xx (a service restarting, 502/504 from the gateway) is retried: every write here is idempotent. So is a
        // 409 that lost to a concurrent transaction (deadlock, serialization): it committed nothing and says "retry it".
        if ((reply.status >= 500 || (reply.status === 409 && LOST_TO_CONCURRENT_CHANGE.test(text))) && attempt < attempts) {
          await sleep(500 * attempt);
          continue;
        }
        const type = reply.headers.get('content-type') ?? '';
        return {
          status: reply.status,
          body: (text && type.includes('json') ? JSON.parse(text) : text || null) as T,
          replayed: reply.headers.get('idempotent-replayed') === 'true',
        };
      } catch (error) {
        if (attempt >= attempts) throw new Error(`${method} ${path}: ${(error as Error).message}`);
        await sleep(500 * attempt);
      }
    }
  }

  /** A request that must answer one of `statuses` (default 200/201/202); anything else throws, naming the request. */
  async expect<T = unknown>(method: Method, path: string, body?: unknown, idempotencyKey?: string, statuses = [200, 201, 202]): Promise<ApiAnswer<T>> {
    const answer = await this.call<T>(method, path, body, idempotencyKey);
    if (!statuses.includes(answer.status)) throw new ApiError(`${method} ${path}`, answer);
    return answer;
  }

  async get<T = unknown>(path: string): Promise<T> {
    return (await this.expect<T>('GET', path, undefined, undefined, [200])).body;
  }

  /** Every element of a list route, whether it answers an array or pages `{items, total, page, pageSize}`. */
  async listAll<T>(path: string, pageSize = 100): Promise<T[]> {
    const all: T[] = [];
    for (let page = 1; ; page += 1) {
      const body = await this.get<T[] | { items: T[]; total: number }>(`${path}${path.includes('?') ? '&' : '?'}page=${page}&pageSize=${pageSize}`);
      if (Array.isArray(body)) return body;
      all.push(...body.items);
      if (body.items.length === 0 || all.length >= body.total) return all;
    }
  }

  /** Fails with a hint when nothing answers at the gateway; then signs in (unless given a token). */
  async connect(): Promise<void> {
    const health = await this.call('GET', '/donors/health').catch((error: Error) => {
      throw new Error(`no giftflow at ${this.gatewayUrl} (${error.message}): start it with \`npm start\` first, or set GATEWAY_URL`);
    });
    if (health.status !== 200) throw new ApiError(`GET ${this.gatewayUrl}/api/donors/health`, health);
    this.authorization ??= await signInAsAdmin(this.gatewayUrl);
  }
}

/** The message of the 409 the services answer when PostgreSQL aborted the request for a concurrent one (docs/api.md). */
const LOST_TO_CONCURRENT_CHANGE = /conflicted with a concurrent change; retry it/;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** GATEWAY_URL, default the gateway of `npm start`. */
export const gatewayUrlFromEnv = (): string => process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
