import { Controller, Get, Headers, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { exported, formatOf } from '../export/report-export';
import { MonthlyReportQuery } from './monthly-report.dto';
import { MonthlyReport, MonthlyReportHandler } from './monthly-report.handler';

@ApiTags('reports')
@Controller('reports/monthly')
export class MonthlyReportController {
  constructor(private readonly handler: MonthlyReportHandler) {}

  /** GET /reports/monthly?month=2026-06[&asOf][&format=csv|xlsx] — the fund's month, in Asia/Ho_Chi_Minh. */
  @Get()
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The month: totals, byCategory, byDistrict (per district and category)' })
  @ApiBadRequestResponse({ description: 'month missing or not YYYY-MM, an unknown parameter' })
  async report(@Query() query: MonthlyReportQuery, @Headers('accept') accept?: string): Promise<MonthlyReport | StreamableFile> {
    const report = await this.handler.report(query.month, query.asOf);
    return exported(report, formatOf(query.format, accept), 'monthly', `monthly-${query.month}`);
  }
}
