import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { findOr404 } from '@giftflow/platform';
import { Campaign } from '../campaign.entity';

@Controller('campaigns')
export class GetCampaignController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Also beneficiaries' read-only lookup of a campaign whose CampaignOpened it has not seen yet. */
  @Get(':id')
  @ApiOkResponse({ description: 'The campaign: name, kind, startsOn, endsOn, status, closedAt, districtCodes, eligibility, targets.' })
  @ApiBadRequestResponse({ description: 'The id is not a UUID.' })
  @ApiNotFoundResponse({ description: 'No such campaign.' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<Campaign> {
    return findOr404(this.db.manager, Campaign, id, 'campaign');
  }
}
