/** The fund's calendar (docs/api.md): business dates and months are in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export const FUND_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The fund's date (YYYY-MM-DD) at instant `at`. */
export function fundDateOf(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: FUND_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The first of these business dates that falls after the fund's today, with its field name; null if none. */
export function firstFutureDate(dates: Record<string, string | null | undefined>, now: Date = new Date()): { field: string; date: string } | null {
  const today = fundDateOf(now);
  for (const [field, date] of Object.entries(dates)) if (date && date > today) return { field, date };
  return null;
}
