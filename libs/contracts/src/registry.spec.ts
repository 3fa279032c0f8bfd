import { randomUUID } from 'node:crypto';
import { EVENT_DEFINITIONS, parseEvent } from './registry';

const envelope = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  type: 'PledgeRecorded',
  version: 1,
  source: 'donors',
  aggregateId: 'p-1',
  occurredAt: '2026-06-01T03:00:00.000Z',
  correlationId: randomUUID(),
  causationId: null,
  actor: 'staff:lan',
  payload: {
    pledgeId: randomUUID(), donorId: randomUUID(), donorKind: 'military', campaignId: null,
    lines: [{ itemCode: 'BICYCLE', quantity: 20, unitValueVnd: 1_800_000 }],
  },
  ...overrides,
});

describe('event contracts', () => {
  it('accepts a well-formed PledgeRecorded v1', () => {
    const result = parseEvent(envelope());
    expect(result).toMatchObject({ ok: true, event: { type: 'PledgeRecorded', payload: { lines: [{ quantity: 20 }] } } });
  });

  it('names each bad payload field in the reason', () => {
    const bad = envelope();
    (bad.payload as { lines: unknown[] }).lines = [{ itemCode: 'BICYCLE', quantity: -1, unitValueVnd: 1.5 }];
    const result = parseEvent(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain('lines.0.quantity');
      expect(result.reason).toContain('lines.0.unitValueVnd');
    }
  });

  it('rejects a bad envelope, an unknown version and a wrong publisher', () => {
    expect(parseEvent({ ...envelope(), id: 'nope' })).toMatchObject({ ok: false, reason: expect.stringContaining('id') });
    expect(parseEvent(envelope({ version: 9 }))).toMatchObject({ ok: false, reason: 'unknown event PledgeRecorded v9' });
    expect(parseEvent(envelope({ source: 'inventory' }))).toMatchObject({ ok: false });
  });

  it('has one definition per type and version', () => {
    const keys = EVENT_DEFINITIONS.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
