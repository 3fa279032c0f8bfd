import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { ReportFormatQuery } from '../export/report-export';

export class MonthlyReportQuery extends ReportFormatQuery {
  @Matches(/^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/, { message: 'month must be a month like 2026-06' })
  month!: string;

  /** Only what had been recorded by this instant, as GET /reports/summary. */
  @ApiPropertyOptional() @IsOptional()
  @Matches(/^(19|2\d)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}/, { message: 'asOf must be an ISO instant like 2026-07-05T10:00:00Z' })
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO instant like 2026-07-05T10:00:00Z' })
  asOf?: string;
}
