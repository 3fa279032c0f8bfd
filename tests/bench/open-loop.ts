import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from './bench-support';

/** One request of an open-loop run; `headers` are added to the run's own. */
export interface OpenLoopRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** Headers made afresh for each request (e.g. a new Idempotency-Key). */
  headersEach?: () => Record<string, string>;
}

export interface OpenLoopOptions {
  /** Base URL, e.g. http://127.0.0.1:3000. */
  url: string;
  /** Offered requests per second, sent evenly spaced whatever the answers. */
  rate: number;
  seconds: number;
  /** Sent in turn, the first request first. */
  requests: OpenLoopRequest[];
  headers?: Record<string, string>;
  /** A request unanswered this long is a timeout (counted as an error). */
  timeoutMs?: number;
}

export interface OpenLoopResult {
  /** Requests sent. */
  sent: number;
  /** Answered requests per second of the run. */
  rps: number;
  /** Latency from the instant the request was due to its last byte, so a late send counts against the system. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Non-2xx answers, connection errors and timeouts. */
  errors: number;
  non2xx: number;
  timeouts: number;
  /**
   * The longest a request left after it was due: the generator's own lag (its event loop starved of CPU). Anything
   * above a few ms means the load was not offered as evenly as asked, and the run should be read with that in mind.
   */
  maxSendLagMs: number;
  /** Most requests outstanding at once: what a closed loop of N connections would have capped at N. */
  maxInFlight: number;
  /** The five slowest answers: seconds into the run they were due, and their latency (do the tails cluster?). */
  slowest: Array<{ atS: number; ms: number }>;
}

/**
 * An open-loop load: request i is due at start + i / rate and is sent then, whether or not earlier ones have been
 * answered, and its latency is measured from when it was due. autocannon's `overallRate` is not this: each of its
 * connections sends back to back until it has made its share of the second (autocannon 8, lib/httpClient.js resets
 * the count on a 1 s interval), so every second's quota leaves in a burst at the second's start, and its latency
 * histogram then adds a sample per millisecond of each response (coordinated-omission correction with an expected
 * interval of 1 ms), which weights slow answers by their length. Used by bench:api for the fixed-rate runs.
 */
export function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.round(options.rate * options.seconds);
  const intervalMs = 1000 / options.rate;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const latencies: number[] = [];
  const dueAt: number[] = [];
  let non2xx = 0, failures = 0, timeouts = 0, inFlight = 0, maxInFlight = 0, sent = 0, settled = 0, maxSendLag = 0;

  return new Promise((resolve) => {
    const start = performance.now();
    let lastAnswer = start;
    const finish = () => {
      agent.destroy();
      const sorted = [...latencies].sort((a, b) => a - b);
      const round = (ms: number | undefined) => Math.round((ms ?? 0) * 10) / 10;
      resolve({
        sent,
        rps: Math.round((latencies.length * 1000) / Math.max(lastAnswer - start, 1)),
        p50Ms: round(percentile(sorted, 50)),
        p99Ms: round(percentile(sorted, 99)),
        maxMs: round(sorted[sorted.length - 1]),
        errors: non2xx + failures + timeouts,
        non2xx,
        timeouts,
        maxSendLagMs: round(maxSendLag),
        maxInFlight,
        slowest: latencies.map((ms, i) => ({ atS: round(dueAt[i] / 1000), ms: round(ms) })).sort((a, b) => b.ms - a.ms).slice(0, 5),
      });
    };
    const settle = () => {
      inFlight--;
      if (++settled === total) finish();
    };

    const send = (index: number, due: number) => {
      const request = options.requests[index % options.requests.length];
      const headers: Record<string, string> = { ...options.headers, ...request.headersEach?.() };
      if (request.body !== undefined) {
        headers['content-type'] ??= 'application/json';
        headers['content-length'] = String(Buffer.byteLength(request.body));
      }
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      let done = false;
      let timedOut = false;
      // Each request ends once: answered (2xx or not), timed out, or failed.
      const end = (outcome: 'answered' | 'failed', status = 0) => {
        if (done) return;
        done = true;
        if (outcome === 'answered') {
          const now = performance.now();
          lastAnswer = now;
          latencies.push(now - due);
          dueAt.push(due - start);
          if (status < 200 || status >= 300) non2xx++;
        } else if (timedOut) timeouts++;
        else failures++;
        settle();
      };
      const req = http.request({ hostname: target.hostname, port: target.port, method: request.method, path: request.path, headers, agent }, (res) => {
        res.resume(); // the body is read, not kept
        res.once('end', () => end('answered', res.statusCode));
        res.once('error', () => end('failed'));
      });
      req.setTimeout(timeoutMs, () => {
        timedOut = true;
        req.destroy(new Error(`no answer within ${timeoutMs} ms`));
      });
      req.once('error', () => end('failed'));
      req.end(request.body);
    };

    // A 1 ms tick sends every request that has come due (timers are not precise enough to schedule each alone).
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * intervalMs <= now) {
        maxSendLag = Math.max(maxSendLag, now - (start + sent * intervalMs));
        send(sent, start + sent * intervalMs);
        sent++;
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
}
