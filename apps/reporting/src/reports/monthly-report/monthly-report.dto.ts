import { Matches } from 'class-validator';

export class MonthlyReportQuery {
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a month like 2026-06' })
  month!: string;
}
