import http from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { openLoop } from './open-loop';

/** A server that answers each request after `delayMs`. */
async function slowServer(delayMs: number, status = 200) {
  const pending = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
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
  return { url, close };
}

describe('openLoop', () => {
  it('sends every request when it is due, without waiting for answers, and never ahead of time', async () => {
    // The server answers nothing until it has all 100 requests: a closed loop of N connections would stall at N.
    const arrivals: number[] = [];
    const held: http.ServerResponse[] = [];
    const server = http.createServer((req, res) => {
      arrivals.push(performance.now());
      req.resume();
      held.push(res);
      if (held.length === 100) for (const r of held) r.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const started = performance.now();
      const result = await openLoop({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, rate: 200, seconds: 0.5, requests: [{ method: 'GET', path: '/' }] });
      expect(result).toMatchObject({ sent: 100, errors: 0, maxInFlight: 100 });
      // Request i leaves at i / rate at the earliest: the last one 495 ms in, not in a burst at the start (as
      // autocannon's overallRate sends each second's quota). A starved machine only makes it later.
      expect(Math.max(...arrivals) - started).toBeGreaterThanOrEqual(495);
      // Latency counts from when a request was due, so the first waited for the last: about half a second.
      expect(result.maxMs).toBeGreaterThanOrEqual(490);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('measures each latency from when its request was due: never less than the answer takes', async () => {
    const server = await slowServer(100);
    try {
      const result = await openLoop({ url: server.url, rate: 100, seconds: 0.3, requests: [{ method: 'GET', path: '/' }] });
      expect(result).toMatchObject({ sent: 30, errors: 0 });
      expect(result.p50Ms).toBeGreaterThanOrEqual(100);
    } finally {
      await server.close();
    }
  });

  it('counts non-2xx answers and timeouts as errors', async () => {
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
