import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { requestLogMiddleware } from './request-log.middleware';

interface Line {
  level: number;
  msg: string;
  correlationId?: string;
  req?: { method: string; url: string };
  res?: { statusCode: number };
  responseTime?: number;
  err?: { message: string };
}

describe('requestLogMiddleware', () => {
  const lines: Line[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _enc, done) => { lines.push(JSON.parse(chunk.toString()) as Line); done(); } }));
  const middleware = requestLogMiddleware(logger);
  // A route per status; /slow never answers, so the client can give up on it.
  const server = http.createServer((req, res) => {
    (req as { id?: unknown }).id = 'the-correlation-id'; // correlationIdMiddleware's
    middleware(req, res, () => {
      if (req.url === '/slow') return;
      res.statusCode = parseInt(req.url!.split('/')[2] ?? '200', 10);
      res.end('{}');
    });
  });
  let base = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => (lines.length = 0));

  const until = async (n: number) => {
    for (let i = 0; i < 100 && lines.length < n; i++) await new Promise((r) => setTimeout(r, 10));
    return lines;
  };

  it.each([
    [200, 30, 'request completed'],
    [404, 40, 'request completed'],
    [503, 50, 'request errored'],
  ])('logs a %i answer once, at level %i, with the correlation id, method, url, status and time', async (status, level, msg) => {
    await fetch(`${base}/status/${status}?x=1`);
    const [line, ...more] = await until(1);
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level, msg, correlationId: 'the-correlation-id', req: { method: 'GET', url: `/status/${status}?x=1` }, res: { statusCode: status } });
    expect(line!.responseTime).toBeGreaterThanOrEqual(0);
    expect(line!.err !== undefined).toBe(status >= 500);
  });

  it('logs a request the client gave up on as aborted (warn)', async () => {
    await expect(fetch(`${base}/slow`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    const [line] = await until(1);
    expect(line).toMatchObject({ level: 40, msg: 'request aborted', req: { url: '/slow' } });
  });

  it('does not log /health or /metrics', async () => {
    await fetch(`${base}/health`);
    await fetch(`${base}/metrics?x`);
    await fetch(`${base}/healthy`);
    expect((await until(1)).map((l) => l.req?.url)).toEqual(['/healthy']);
  });
});
