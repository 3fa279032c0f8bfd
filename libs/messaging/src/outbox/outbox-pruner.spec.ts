import { outboxRetentionDaysFromEnv } from './outbox-pruner';

describe('outboxRetentionDaysFromEnv', () => {
  it('keeps sent rows 30 days unless OUTBOX_RETENTION_DAYS says otherwise (0: forever)', () => {
    expect(outboxRetentionDaysFromEnv({})).toBe(30);
    expect(outboxRetentionDaysFromEnv({ OUTBOX_RETENTION_DAYS: '7' })).toBe(7);
    expect(outboxRetentionDaysFromEnv({ OUTBOX_RETENTION_DAYS: '0' })).toBe(0);
  });

  it.each(['-1', '2.5', 'a month'])('refuses OUTBOX_RETENTION_DAYS=%s at start-up, naming the variable', (value) => {
    expect(() => outboxRetentionDaysFromEnv({ OUTBOX_RETENTION_DAYS: value })).toThrow(`OUTBOX_RETENTION_DAYS must be a whole number of days (0 keeps every sent row), not "${value}"`);
  });
});
