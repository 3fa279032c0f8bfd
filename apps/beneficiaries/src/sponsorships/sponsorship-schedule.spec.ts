import { addMonths, enrolmentDate, instalmentCheck, lastMonthUnder, monthsFrom, sponsorshipTerms, statement } from './sponsorship-schedule';

describe('the 16th-birthday rule', () => {
  it('is due while the child is under the limit on the first day of the month', () => {
    expect(lastMonthUnder('2012-08-15', 16)).toBe('2028-08');
    expect(lastMonthUnder('2012-08-01', 16)).toBe('2028-07');
    expect(lastMonthUnder('2012-08-31', 16)).toBe('2028-08');
    expect(lastMonthUnder('2012-01-01', 16)).toBe('2027-12');
    expect(lastMonthUnder('2012-08-15', 18)).toBe('2030-08');
  });

  it('counts a 29 February birthday as reached on 1 March in a non-leap year', () => {
    expect(lastMonthUnder('2012-02-29', 16)).toBe('2028-02'); // 2028 is leap: 16 on 29 February
    expect(lastMonthUnder('2012-02-29', 17)).toBe('2029-02'); // 17 on 1 March 2029
  });

  it('ends at the limit by default and refuses a child already at the limit in startMonth', () => {
    expect(sponsorshipTerms({ birthDate: '2012-08-15', untilAge: 16, startMonth: '2023-01' })).toEqual({ ok: true, endMonth: '2028-08' });
    expect(sponsorshipTerms({ birthDate: '2012-08-15', untilAge: 16, startMonth: '2028-08' })).toEqual({ ok: true, endMonth: '2028-08' });
    expect(sponsorshipTerms({ birthDate: '2012-08-15', untilAge: 16, startMonth: '2028-09' })).toEqual({
      ok: false, message: 'the child is 16 or older in 2028-09: the last month a sponsorship until 16 can cover is 2028-08',
    });
    expect(sponsorshipTerms({ birthDate: '2012-08-01', untilAge: 16, startMonth: '2028-08' }).ok).toBe(false);
  });

  it('takes an earlier endMonth, refuses one after the limit or before the start', () => {
    expect(sponsorshipTerms({ birthDate: '2012-08-15', untilAge: 16, startMonth: '2023-01', endMonth: '2023-12' })).toEqual({ ok: true, endMonth: '2023-12' });
    expect(sponsorshipTerms({ birthDate: '2012-08-15', untilAge: 16, startMonth: '2023-01', endMonth: '2028-09' })).toEqual({
      ok: false, message: 'endMonth 2028-09 is after 2028-08, the last month the child is under 16',
    });
    expect(sponsorshipTerms({ birthDate: '2012-08-15', untilAge: 16, startMonth: '2023-01', endMonth: '2022-12' }).ok).toBe(false);
  });
});

describe('months', () => {
  it('adds months across years', () => {
    expect(addMonths('2023-12', 1)).toBe('2024-01');
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(monthsFrom('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthsFrom('2024-02', '2024-01')).toEqual([]);
  });
});

describe('statement', () => {
  const base = { startMonth: '2023-01', lastMonth: '2023-12', monthlyAmountVnd: 500_000 };
  const paid = [
    { month: '2023-01', amountVnd: 500_000, paidOn: '2023-01-05' },
    { month: '2023-02', amountVnd: 200_000, paidOn: '2023-02-05' },
    { month: '2023-02', amountVnd: 300_000, paidOn: '2023-02-20' },
    { month: '2023-06', amountVnd: 500_000, paidOn: '2023-03-01' }, // paid ahead
  ];

  it('lists each month with what was due and paid, and counts arrears up to the current month', () => {
    const s = statement({ ...base, instalments: paid, currentMonth: '2023-04' });
    expect(s.months).toHaveLength(12);
    expect(s.months.slice(0, 3)).toEqual([
      { month: '2023-01', dueVnd: 500_000, paidVnd: 500_000, paidOn: '2023-01-05' },
      { month: '2023-02', dueVnd: 500_000, paidVnd: 500_000, paidOn: '2023-02-20' },
      { month: '2023-03', dueVnd: 500_000, paidVnd: 0, paidOn: null },
    ]);
    expect(s.paidVnd).toBe(1_500_000);
    expect(s.arrearsVnd).toBe(1_000_000); // March and April; June paid ahead does not offset them
    expect(statement({ ...base, instalments: paid, currentMonth: '2022-12' }).arrearsVnd).toBe(0);
    expect(statement({ ...base, instalments: [], currentMonth: '2030-01' }).arrearsVnd).toBe(6_000_000);
  });

  it('keeps 64-bit sums exact', () => {
    const s = statement({ startMonth: '2023-01', lastMonth: '2023-02', monthlyAmountVnd: 5_000_000_000, instalments: [], currentMonth: '2023-02' });
    expect(s.arrearsVnd).toBe(10_000_000_000);
  });

  it('checks an instalment: outside the schedule 422, paid in full 409, more than due 422', () => {
    const s = statement({ ...base, instalments: paid, currentMonth: '2023-04' });
    expect(instalmentCheck(s, '2023-03', 500_000)).toEqual({ ok: true });
    expect(instalmentCheck(s, '2024-01', 500_000)).toEqual({ ok: false, status: 422, message: "2024-01 is outside the sponsorship's schedule (2023-01 to 2023-12)" });
    expect(instalmentCheck(s, '2023-02', 100_000)).toEqual({ ok: false, status: 409, message: '2023-02 is already paid in full (500000 VND)' });
    expect(instalmentCheck(s, '2023-03', 600_000)).toMatchObject({ ok: false, status: 422 });
  });
});

describe('the date a sponsorship joins its campaign', () => {
  it('is the first day of its start month, past or not', () => {
    expect(enrolmentDate('2023-03', '2023-02-01')).toBe('2023-03-01');
    expect(enrolmentDate('2023-03', null)).toBe('2023-03-01');
  });

  it('is the campaign\'s first day when the campaign opens within the start month', () => {
    expect(enrolmentDate('2023-02', '2023-02-15')).toBe('2023-02-15');
  });
});
