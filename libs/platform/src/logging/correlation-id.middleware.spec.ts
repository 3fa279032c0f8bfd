import type { NextFunction, Request, Response } from 'express';
import { currentCorrelationId } from '@giftflow/messaging';
import { correlationIdMiddleware } from './correlation-id.middleware';

function run(header?: string): { seen: string | null; answered: string; forwarded: unknown; id: unknown } {
  const headers: Record<string, string> = header === undefined ? {} : { 'x-correlation-id': header };
  const req = { headers, header: (name: string) => headers[name.toLowerCase()] } as unknown as Request;
  let answered = '';
  const res = { setHeader: (_: string, value: string) => (answered = value) } as unknown as Response;
  let seen: string | null = null;
  correlationIdMiddleware(req, res, (() => (seen = currentCorrelationId())) as NextFunction);
  return { seen, answered, forwarded: req.headers['x-correlation-id'], id: (req as Request & { id?: unknown }).id };
}

describe('correlationIdMiddleware', () => {
  it('takes a UUID from X-Correlation-Id (lower-cased), answers it, forwards it and makes it current', () => {
    const r = run('AB6E2B4C-3F1D-4C8E-9A55-0D2E3F4A5B6C');
    expect(r).toEqual({
      seen: 'ab6e2b4c-3f1d-4c8e-9a55-0d2e3f4a5b6c', answered: 'ab6e2b4c-3f1d-4c8e-9a55-0d2e3f4a5b6c',
      forwarded: 'ab6e2b4c-3f1d-4c8e-9a55-0d2e3f4a5b6c', id: 'ab6e2b4c-3f1d-4c8e-9a55-0d2e3f4a5b6c',
    });
    expect(currentCorrelationId()).toBeNull(); // only for the request
  });

  it.each([undefined, '', 'abc', '12345678-1234-1234-1234-1234567890123', 'ab6e2b4c-3f1d-0c8e-9a55-0d2e3f4a5b6c'])('makes a new one for %p', (header) => {
    const r = run(header);
    expect(r.seen).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.answered).toBe(r.seen);
    expect(r.forwarded).toBe(r.seen);
  });
});
