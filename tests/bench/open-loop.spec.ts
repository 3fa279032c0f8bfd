import http from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { openLoop } from './open-loop';

/** A server that answers each request after `delayMs`, recording when each arrived. */
async function slowServer(delayMs: number, status = 200) {
  const arrivals: number[] = [];
  const pending = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    arrivals.push(performance.now());
    req.resume();
    const timer = setTimeout(() => {
      pending.delete(timer);
      res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
    }, delayMs);
    pending.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => {
    for (const timer of pending) clearTimeout(timer);
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url, arrivals, close };
}

describe('openLoop', () => {
  it('sends at the offered rate, evenly, whatever the answers take: a closed loop would have been capped', async () => {
    const server = await slowServer(100);
    try {
      const result = await openLoop({ url: server.url, rate: 200, seconds: 1, requests: [{ method: 'GET', path: '/' }] });
      expect(result.sent).toBe(200);
      expect(result.errors).toBe(0);
      // 100 ms answers at 200/s: about 20 outstanding at once, not the handful a closed loop keeps.
      expect(result.maxInFlight).toBeGreaterThanOrEqual(15);
      // Evenly spaced: no 100 ms window holds much more than its 20 requests (autocannon's overallRate would send
      // the whole second's 200 at its start).
      const busiest = Math.max(...server.arrivals.map((t) => server.arrivals.filter((u) => u >= t && u < t + 100).length));
      expect(busiest).toBeLessThanOrEqual(30);
      expect(result.p50Ms).toBeGreaterThanOrEqual(100);
      expect(result.p50Ms).toBeLessThan(200);
    } finally {
      await server.close();
    }
  });

  it('counts non-2xx answers and timeouts as errors, and measures from when a request was due', async () => {
    const failing = await slowServer(0, 503);
    const silent = await slowServer(5_000);
    try {
      const refused = await openLoop({ url: failing.url, rate: 50, seconds: 0.2, requests: [{ method: 'POST', path: '/x', body: '{}' }] });
      expect(refused).toMatchObject({ sent: 10, errors: 10, non2xx: 10, timeouts: 0 });
      const timedOut = await openLoop({ url: silent.url, rate: 20, seconds: 0.1, timeoutMs: 200, requests: [{ method: 'GET', path: '/' }] });
      expect(timedOut).toMatchObject({ sent: 2, errors: 2, timeouts: 2, non2xx: 0 });
    } finally {
      await failing.close();
      await silent.close();
    }
  });

  it('sends each request its own headers', async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(`${req.headers.authorization} ${req.headers['idempotency-key']}`);
      req.resume();
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      let n = 0;
      await openLoop({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, rate: 30, seconds: 0.1, headers: { authorization: 'Bearer t' },
        requests: [{ method: 'POST', path: '/', body: '{}', headersEach: () => ({ 'idempotency-key': `k${++n}` }) }],
      });
      expect(seen.sort()).toEqual(['Bearer t k1', 'Bearer t k2', 'Bearer t k3']);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
