import { Injectable } from '@nestjs/common';
import { fundToday } from '../children/birth-date';

/**
 * The service's one source of "now". Everything that depends on the date (today's allocations, arrears,
 * sponsorships ending) asks it, so tests can move time instead of waiting for it.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today in the fund's time zone (Asia/Ho_Chi_Minh), "YYYY-MM-DD". */
  today(): string {
    return fundToday(this.now());
  }

  /** This month in the fund's time zone, "YYYY-MM". */
  month(): string {
    return this.today().slice(0, 7);
  }
}
