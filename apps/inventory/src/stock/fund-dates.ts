/** Dates of the fund are in Asia/Ho_Chi_Minh (UTC+7, no daylight saving): the platform's calendar. */
export { fundDateOf } from '@giftflow/platform';

/** The first instant of a fund calendar date. */
export function startOfFundDate(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

/** An ISO query bound: a bare date means the start of that day (`from`) or the start of the next (`to`, exclusive). */
export function instantOfBound(value: string, bound: 'from' | 'to'): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(value);
  const start = startOfFundDate(value);
  return bound === 'from' ? start : new Date(start.getTime() + 86_400_000);
}
