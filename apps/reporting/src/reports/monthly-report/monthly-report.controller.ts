import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse } from '@nestjs/swagger';
import { MonthlyReportQuery } from './monthly-report.dto';
import { MonthlyReport, MonthlyReportHandler } from './monthly-report.handler';

@Controller('reports/monthly')
export class MonthlyReportController {
  constructor(private readonly handler: MonthlyReportHandler) {}

  /** GET /reports/monthly?month=2026-06 — the fund's month, in Asia/Ho_Chi_Minh. */
  @Get()
  @ApiOkResponse({ description: '{month, totals, byCategory, byDistrict}: the fund\'s month in Asia/Ho_Chi_Minh (docs/api.md)' })
  @ApiBadRequestResponse({ description: 'month is not YYYY-MM' })
  report(@Query() query: MonthlyReportQuery): Promise<MonthlyReport> {
    return this.handler.report(query.month);
  }
}
