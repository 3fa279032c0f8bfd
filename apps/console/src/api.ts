// The one way the console talks to the gateway: same origin, JSON, the session cookie (httpOnly, set by
// POST /api/auth/login; the gateway turns it into a bearer token for the services) and the CSRF token
// (the readable giftflow_csrf cookie) echoed in X-CSRF-Token on every write.

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly body: unknown) {
    super(message);
  }
  /** True when the browser could not reach the gateway at all (offline, connection refused). */
  get unreachable(): boolean {
    return this.status === 0;
  }
}

const CSRF_COOKIE = 'giftflow_csrf';
const CSRF_HEADER = 'X-CSRF-Token';

let onUnauthorized: () => void = () => undefined;

export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

function cookie(name: string): string | undefined {
  const found = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : undefined;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  idempotencyKey?: string;
  /** Do not treat 401 as "signed out" (the sign-in form itself). */
  quiet401?: boolean;
}

function headersFor(options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const method = options.method ?? 'GET';
  if (method !== 'GET') {
    const token = cookie(CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }
  return headers;
}

/** A readable message from the services' error bodies ({message: string | string[]}). */
function messageOf(status: number, body: unknown): string {
  if (body && typeof body === 'object' && 'message' in body) {
    const message = (body as { message: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    if (typeof message === 'string') return message;
  }
  return `HTTP ${status}`;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  try {
    return await fetch(`/api${path}`, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers: headersFor(options),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (error) {
    throw new ApiError(0, (error as Error).message || 'network error', undefined);
  }
}

/** Calls `/api<path>` and answers the JSON body; any status ≥ 400 throws an ApiError with the service's message. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (!response.ok) {
    if (response.status === 401 && !options.quiet401) onUnauthorized();
    throw new ApiError(response.status, messageOf(response.status, body), body);
  }
  return body as T;
}

/** Fetches a file (CSV, XLSX, PDF, HTML) with the session and hands it to the browser as a download. */
export async function download(path: string, filename: string): Promise<void> {
  const response = await send(path, {});
  if (!response.ok) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw new ApiError(response.status, messageOf(response.status, body), body);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `?a=1&b=x` from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
