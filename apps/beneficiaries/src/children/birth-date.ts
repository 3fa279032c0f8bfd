import { ValidationArguments, registerDecorator } from 'class-validator';
import { fundDateOf } from '@giftflow/platform';

/** Children are people under this age (Law on Children 2016, art. 1). */
export const ADULT_AGE = 18;

/** Today's date in the fund's time zone, e.g. "2026-03-10". */
export const fundToday = (now = new Date()): string => fundDateOf(now);

/**
 * Why `value` is not the birth date of a child on `today` (both "YYYY-MM-DD"), or null when it is.
 * Compared as strings: whoever was born on or before the day `ADULT_AGE` years ago has come of age
 * (a 29 February birthday counts as come of age on 1 March in non-leap years).
 */
export function birthDateProblem(value: unknown, today: string): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'must be a date like 2014-05-20';
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return 'must be a date like 2014-05-20';
  if (value > today) return 'must not be in the future';
  const comeOfAge = `${String(Number(today.slice(0, 4)) - ADULT_AGE).padStart(4, '0')}${today.slice(4)}`;
  if (value <= comeOfAge) return `must be a child's: under ${ADULT_AGE}, born after ${comeOfAge}`;
  return null;
}

/** The birth date of someone under 18 today (in the fund's time zone), not in the future. */
export function IsChildBirthDate() {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isChildBirthDate',
      target: target.constructor,
      propertyName: property,
      validator: {
        validate: (value: unknown) => birthDateProblem(value, fundToday()) === null,
        defaultMessage: (args: ValidationArguments) => `${args.property} ${birthDateProblem(args.value, fundToday())}`,
      },
    });
}
