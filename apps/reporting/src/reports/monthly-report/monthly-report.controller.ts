import { Controller, Get, Query } from '@nestjs/common';
import { MonthlyReportQuery } from './monthly-report.dto';
import { MonthlyReport, MonthlyReportHandler } from './monthly-report.handler';

@Controller('reports/monthly')
export class MonthlyReportController {
  constructor(private readonly handler: MonthlyReportHandler) {}

  /** GET /reports/monthly?month=2026-06 — the fund's month, in Asia/Ho_Chi_Minh. */
  @Get()
  report(@Query() query: MonthlyReportQuery): Promise<MonthlyReport> {
    return this.handler.report(query.month);
  }
}
