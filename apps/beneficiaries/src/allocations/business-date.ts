import { UnprocessableEntityException } from '@nestjs/common';

/** The business date of a command: the one given (a paper record), else today; never in the future (422). */
export function businessDate(given: string | undefined, today: string, field: string): string {
  if (given && given > today) throw new UnprocessableEntityException(`${field} ${given} is in the future (today is ${today})`);
  return given ?? today;
}
