import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse } from '@nestjs/swagger';
import { Page } from '@giftflow/platform';
import { Campaign } from '../campaign.entity';
import { ListCampaignsQueryDto } from './list-campaigns.dto';
import { ListCampaignsView } from './list-campaigns.view';

@Controller('campaigns')
export class ListCampaignsController {
  constructor(private readonly view: ListCampaignsView) {}

  @Get()
  @ApiOkResponse({ description: '`{items, total, page, pageSize}` of campaigns, latest start first.' })
  @ApiBadRequestResponse({ description: 'A bad status, page or pageSize.' })
  list(@Query() query: ListCampaignsQueryDto): Promise<Page<Campaign>> {
    return this.view.list(query);
  }
}
