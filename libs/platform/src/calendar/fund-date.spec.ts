import { firstFutureDate, fundDateOf } from './fund-date';

describe('fundDateOf', () => {
  it('is the date in Asia/Ho_Chi_Minh, 7 hours ahead of UTC', () => {
    expect(fundDateOf(new Date('2026-06-30T16:59:59Z'))).toBe('2026-06-30');
    expect(fundDateOf(new Date('2026-06-30T17:00:00Z'))).toBe('2026-07-01');
  });
});

describe('firstFutureDate', () => {
  const now = new Date('2026-06-30T17:30:00Z'); // 2026-07-01 00:30 in the fund's time zone

  it('accepts today and the past, and names the first date after today', () => {
    expect(firstFutureDate({ pledgedOn: '2026-07-01', paidOn: '2023-01-15', allocatedOn: undefined }, now)).toBeNull();
    expect(firstFutureDate({ pledgedOn: '2026-06-30', paidOn: '2026-07-02' }, now)).toEqual({ field: 'paidOn', date: '2026-07-02' });
  });
});
