/** The fund's calendar (docs/api.md): business dates and months are in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export const FUND_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Made once: building an Intl.DateTimeFormat costs ~1 ms of CPU (it was a tenth of donors' CPU per POST /pledges);
// format() on a built one costs microseconds.
const FUND_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: FUND_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The fund's date (YYYY-MM-DD) at instant `at`. */
export function fundDateOf(at: Date): string {
  return FUND_DATE.format(at);
}

/** The first of these business dates that falls after the fund's today, with its field name; null if none. */
export function firstFutureDate(dates: Record<string, string | null | undefined>, now: Date = new Date()): { field: string; date: string } | null {
  const today = fundDateOf(now);
  for (const [field, date] of Object.entries(dates)) if (date && date > today) return { field, date };
  return null;
}
