import { Controller, Get, Headers, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { exported, formatOf } from '../export/report-export';
import { SummaryQuery } from './summary.dto';
import { Summary, SummaryHandler } from './summary.handler';

@ApiTags('reports')
@Controller('reports/summary')
export class SummaryController {
  constructor(private readonly handler: SummaryHandler) {}

  /** GET /reports/summary?from=2026-01-01&to=2026-06-30[&campaignId][&districtCode][&asOf][&format=csv|xlsx] */
  @Get()
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'Totals and every breakdown of the period, placed by business date in Asia/Ho_Chi_Minh' })
  @ApiBadRequestResponse({ description: 'A missing or malformed parameter, or from after to' })
  async summary(@Query() query: SummaryQuery, @Headers('accept') accept?: string): Promise<Summary | StreamableFile> {
    const { format, ...filters } = query;
    const report = await this.handler.summary(filters);
    return exported(report, formatOf(format, accept), 'summary', `summary-${query.from}-${query.to}`);
  }
}
