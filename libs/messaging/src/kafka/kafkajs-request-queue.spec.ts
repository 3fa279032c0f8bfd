// kafkajs 2.2.4 re-armed a 1 ms timer after every check of its request queue, forever, so every process with a
// Kafka connection woke ~1,000 times a second doing nothing (kafkajs#1556, #1704; unmerged upstream). patches/
// fixes it at `npm ci` (patch-package); these pin the patched behaviour.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue');

interface Queue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
  destroy(): void;
}

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const newQueue = (): Queue => new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 1_000, enforceRequestTimeout: false, clientId: 't', broker: 'b', logger: quiet });

describe('kafkajs request queue (patched)', () => {
  const queues: Queue[] = [];
  afterEach(() => {
    for (const q of queues.splice(0)) {
      if (q.throttleCheckTimeoutId) clearTimeout(q.throttleCheckTimeoutId);
      q.destroy();
    }
  });

  it('arms no timer after a check when nothing is pending and nothing is throttled', () => {
    const queue = newQueue();
    queues.push(queue);
    queue.checkPendingRequests();
    expect(queue.throttleCheckTimeoutId).toBeNull();
  });

  it('still checks again later when requests are pending, or when the broker throttles', () => {
    const pending = newQueue();
    queues.push(pending);
    pending.pending.push({});
    pending.throttledUntil = Date.now() + 60_000; // throttled: the pending request stays pending
    pending.scheduleCheckPendingRequests();
    expect(pending.throttleCheckTimeoutId).not.toBeNull();

    const throttled = newQueue();
    queues.push(throttled);
    throttled.throttledUntil = Date.now() + 60_000;
    throttled.scheduleCheckPendingRequests();
    expect(throttled.throttleCheckTimeoutId).not.toBeNull();
  });
});
