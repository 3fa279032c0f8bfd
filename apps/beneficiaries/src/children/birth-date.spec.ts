import { birthDateProblem, fundToday } from './birth-date';

describe('birthDateProblem', () => {
  const today = '2026-03-10';

  it('accepts a child born today, and one born the day after their 18th-birthday cut-off', () => {
    expect(birthDateProblem('2026-03-10', today)).toBeNull();
    expect(birthDateProblem('2008-03-11', today)).toBeNull();
    expect(birthDateProblem('2014-05-20', today)).toBeNull();
  });

  it('refuses someone who turns 18 today or earlier', () => {
    expect(birthDateProblem('2008-03-10', today)).toBe("must be a child's: under 18, born after 2008-03-10");
    expect(birthDateProblem('1990-01-01', today)).toContain('under 18');
  });

  it('refuses a date in the future', () => {
    expect(birthDateProblem('2026-03-11', today)).toBe('must not be in the future');
  });

  it('refuses what is not a calendar date', () => {
    for (const value of ['2014-02-30', '2014-13-01', '20-05-2014', '2014-05-20T00:00:00Z', '', 20140520, null]) {
      expect(birthDateProblem(value, today)).toBe('must be a date like 2014-05-20');
    }
  });

  it('counts a 29 February birthday as come of age on 1 March of a non-leap year, and on 29 February of a leap year', () => {
    expect(birthDateProblem('2008-02-29', '2026-02-28')).toBeNull();
    expect(birthDateProblem('2008-02-29', '2026-03-01')).toContain('under 18');
    expect(birthDateProblem('2010-02-28', '2028-02-29')).toContain('under 18');
    expect(birthDateProblem('2010-03-01', '2028-02-29')).toBeNull();
  });

  it("takes today in the fund's time zone (UTC+7)", () => {
    expect(fundToday(new Date('2026-03-10T16:59:59Z'))).toBe('2026-03-10');
    expect(fundToday(new Date('2026-03-10T17:00:00Z'))).toBe('2026-03-11');
  });
});
