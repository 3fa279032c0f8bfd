import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { exported, formatOf } from '../export/report-export';
import { CampaignReportQuery } from './campaign-report.dto';
import { CampaignReport, CampaignReportHandler } from './campaign-report.handler';

@ApiTags('reports')
@Controller('reports/campaigns')
export class CampaignReportController {
  constructor(private readonly handler: CampaignReportHandler) {}

  /** GET /reports/campaigns/:id[?asOf][&format=csv|xlsx] — targets against requested, committed, dispatched, delivered. */
  @Get(':id')
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The campaign, its targets per category in units, byDistrict, children and institutions reached' })
  @ApiBadRequestResponse({ description: 'id is not a UUID, or a malformed parameter' })
  @ApiNotFoundResponse({ description: 'No event names this campaign' })
  async report(
    @Param('id', new ParseUUIDPipe()) id: string, @Query() query: CampaignReportQuery, @Headers('accept') accept?: string,
  ): Promise<CampaignReport | StreamableFile> {
    const report = await this.handler.report(id, query.asOf);
    return exported(report, formatOf(query.format, accept), 'campaign', `campaign-${id}`);
  }
}
