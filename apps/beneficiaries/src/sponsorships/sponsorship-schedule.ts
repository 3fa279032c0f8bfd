/**
 * The sponsorship's schedule and statement (issue #9), pure functions of their inputs. Months are "YYYY-MM",
 * dates "YYYY-MM-DD", in the fund's time zone.
 */

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The day the child reaches `age`: the birthday that year (29 February → 1 March in a non-leap year). */
export function birthdayAt(birthDate: string, age: number): string {
  const year = Number(birthDate.slice(0, 4)) + age;
  const monthDay = birthDate.slice(5) === '02-29' && !isLeap(year) ? '03-01' : birthDate.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The last month due: a month is due while the child is still under `untilAge` on its first day.
 * Born 2012-08-15, until 16 → 2028-08; born 2012-08-01 → 2028-07.
 */
export function lastMonthUnder(birthDate: string, untilAge: number): string {
  const limit = birthdayAt(birthDate, untilAge);
  const month = limit.slice(0, 7);
  return limit.endsWith('-01') ? addMonths(month, -1) : month;
}

export type Terms = { ok: true; endMonth: string } | { ok: false; message: string };

/** The end month of a new sponsorship, or why it cannot start (the child already at the limit, a bad endMonth). */
export function sponsorshipTerms(input: { birthDate: string; untilAge: number; startMonth: string; endMonth?: string }): Terms {
  const last = lastMonthUnder(input.birthDate, input.untilAge);
  if (input.startMonth > last) {
    return { ok: false, message: `the child is ${input.untilAge} or older in ${input.startMonth}: the last month a sponsorship until ${input.untilAge} can cover is ${last}` };
  }
  const endMonth = input.endMonth ?? last;
  if (endMonth < input.startMonth) return { ok: false, message: `endMonth ${endMonth} is before startMonth ${input.startMonth}` };
  if (endMonth > last) return { ok: false, message: `endMonth ${endMonth} is after ${last}, the last month the child is under ${input.untilAge}` };
  return { ok: true, endMonth };
}

export function monthsFrom(start: string, end: string): string[] {
  const months: string[] = [];
  for (let m = start; m <= end; m = addMonths(m, 1)) months.push(m);
  return months;
}

export interface Instalment {
  month: string;
  amountVnd: number;
  paidOn: string;
}

export interface MonthStatement {
  month: string;
  dueVnd: number;
  paidVnd: number;
  /** The latest payment towards this month; null when unpaid. */
  paidOn: string | null;
}

export interface Statement {
  months: MonthStatement[];
  paidVnd: number;
  /** What was due for the months up to `currentMonth` and is still unpaid (a month paid ahead does not offset another). */
  arrearsVnd: number;
}

export function statement(input: { startMonth: string; lastMonth: string; monthlyAmountVnd: number; instalments: Instalment[]; currentMonth: string }): Statement {
  const months = monthsFrom(input.startMonth, input.lastMonth).map((month): MonthStatement => {
    const paid = input.instalments.filter((i) => i.month === month);
    return {
      month,
      dueVnd: input.monthlyAmountVnd,
      paidVnd: paid.reduce((sum, i) => sum + i.amountVnd, 0),
      paidOn: paid.map((i) => i.paidOn).sort().at(-1) ?? null,
    };
  });
  return {
    months,
    paidVnd: input.instalments.reduce((sum, i) => sum + i.amountVnd, 0),
    arrearsVnd: months.filter((m) => m.month <= input.currentMonth).reduce((sum, m) => sum + Math.max(0, m.dueVnd - m.paidVnd), 0),
  };
}

export type InstalmentCheck = { ok: true } | { ok: false; status: 409 | 422; message: string };

/** Whether `amountVnd` may be paid for `month`: inside the schedule (else 422), not already paid in full (409), not more than is left (422). */
export function instalmentCheck(s: Statement, month: string, amountVnd: number): InstalmentCheck {
  const m = s.months.find((x) => x.month === month);
  if (!m) {
    const range = s.months.length ? `${s.months[0].month} to ${s.months.at(-1)!.month}` : 'no month';
    return { ok: false, status: 422, message: `${month} is outside the sponsorship's schedule (${range})` };
  }
  const left = m.dueVnd - m.paidVnd;
  if (left <= 0) return { ok: false, status: 409, message: `${month} is already paid in full (${m.paidVnd} VND)` };
  if (amountVnd > left) return { ok: false, status: 422, message: `${amountVnd} VND is more than the ${left} VND still due for ${month}` };
  return { ok: true };
}

/**
 * The day a sponsorship joins its campaign, for the campaign's date rule: its start month's first day, or the
 * campaign's first day when the campaign opens within that month. A sponsorship entered from paper records
 * (a start month in the past) is checked against the campaign as it was then, not today.
 */
export function enrolmentDate(startMonth: string, campaignStartsOn: string | null | undefined): string {
  return campaignStartsOn && campaignStartsOn.slice(0, 7) === startMonth ? campaignStartsOn : `${startMonth}-01`;
}
