import { createServer, IncomingMessage, request, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import helmet from 'helmet';
import { forwardAheadOfExpress, securityHeadersOf } from './forward-ahead-of-express';
import type { ForwardingRoute } from './mount-service-proxies';

type Seen = { by: string; url?: string; originalUrl?: string; baseUrl?: string; observed?: string[] };

/** A server whose only request listener stands in for Express, with the lane in front of it. */
async function laneInFront(options: { throwIn?: 'handle' } = {}) {
  const seen: Seen[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push({ by: 'express', url: req.url });
    res.end('express');
  });
  const route = (name: ForwardingRoute['name']): ForwardingRoute => ({
    name,
    handle: (req, res) => {
      if (options.throwIn === 'handle') throw new Error('a bug in forwarding');
      const r = req as IncomingMessage & { originalUrl?: string; baseUrl?: string; observed?: string[] };
      seen.push({ by: name, url: r.url, originalUrl: r.originalUrl, baseUrl: r.baseUrl, observed: r.observed });
      res.end(name);
    },
  });
  const observe = (label: string) => (req: IncomingMessage, _res: ServerResponse, next: () => void) => {
    const r = req as IncomingMessage & { observed?: string[]; id?: string };
    (r.observed ??= []).push(label);
    r.id = 'a-correlation-id';
    next();
  };
  forwardAheadOfExpress(server, [route('donors'), route('inventory')], {
    observers: [observe('correlation'), observe('metrics'), observe('log')],
    headers: [['X-Frame-Options', 'SAMEORIGIN'], ['X-Content-Type-Options', 'nosniff']],
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      request(`${url}${path}`, { headers }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      }).on('error', reject).end();
    });
  return { seen, get, close: () => new Promise((r) => server.close(r)) };
}

describe('forwardAheadOfExpress', () => {
  it('answers /api/<service>/… itself: prefix stripped as Express would, observers in order, security headers set', async () => {
    const lane = await laneInFront();
    try {
      const answer = await lane.get('/api/donors/pledges/1?x=1', { authorization: 'Bearer t' });
      expect(answer.body).toBe('donors');
      expect(answer.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(lane.seen).toEqual([{ by: 'donors', url: '/pledges/1?x=1', originalUrl: '/api/donors/pledges/1?x=1', baseUrl: '/api/donors', observed: ['correlation', 'metrics', 'log'] }]);

      await lane.get('/api/inventory');
      await lane.get('/api/inventory?warehouseCode=W1');
      expect(lane.seen.slice(1).map((s) => [s.by, s.url])).toEqual([['inventory', '/'], ['inventory', '/?warehouseCode=W1']]);
    } finally {
      await lane.close();
    }
  });

  it('leaves to Express the gateway\'s own routes, unknown services, other spellings and console requests with a session cookie', async () => {
    const lane = await laneInFront();
    try {
      for (const path of ['/api/auth/login', '/api/docs', '/api/donorsx/1', '/API/donors/1', '/health', '/', '/api/']) await lane.get(path);
      await lane.get('/api/donors/pledges', { cookie: 'giftflow_session=s' }); // the session becomes a bearer token in Express
      expect(lane.seen.map((s) => s.by)).toEqual(Array(8).fill('express'));

      await lane.get('/api/donors/pledges', { cookie: 'giftflow_session=s', authorization: 'Bearer t' }); // its own token: cookies are ignored
      expect(lane.seen.at(-1)?.by).toBe('donors');
    } finally {
      await lane.close();
    }
  });

  it('a failure inside the lane is a 500 JSON answer with the correlation id, not a dropped connection', async () => {
    const lane = await laneInFront({ throwIn: 'handle' });
    try {
      const answer = await lane.get('/api/donors/pledges');
      expect(answer.status).toBe(500);
      expect(JSON.parse(answer.body)).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error', correlationId: 'a-correlation-id' });
    } finally {
      await lane.close();
    }
  });

  it('securityHeadersOf(helmet()) gives what helmet sets on a response, X-Powered-By never among them', () => {
    const headers = new Map(securityHeadersOf(helmet()));
    expect(headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    expect(headers.get('Strict-Transport-Security')).toMatch(/^max-age=/);
    expect(headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    expect(headers.has('X-Powered-By')).toBe(false);
    expect(headers.size).toBeGreaterThanOrEqual(12);
  });
});
