import { fundDateOf, instantOfBound } from './fund-dates';

describe('fund dates (Asia/Ho_Chi_Minh)', () => {
  it('puts an instant on the fund calendar', () => {
    expect(fundDateOf(new Date('2026-06-30T16:59:59Z'))).toBe('2026-06-30');
    expect(fundDateOf(new Date('2026-06-30T17:00:00Z'))).toBe('2026-07-01');
  });
  it('reads a bare date bound as the fund day', () => {
    expect(instantOfBound('2026-07-01', 'from').toISOString()).toBe('2026-06-30T17:00:00.000Z');
    expect(instantOfBound('2026-07-01', 'to').toISOString()).toBe('2026-07-01T17:00:00.000Z');
    expect(instantOfBound('2026-07-01T03:00:00Z', 'to').toISOString()).toBe('2026-07-01T03:00:00.000Z');
  });
});
