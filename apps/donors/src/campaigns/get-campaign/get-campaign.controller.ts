import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findOr404 } from '@giftflow/platform';
import { Campaign } from '../campaign.entity';

@Controller('campaigns')
export class GetCampaignController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get(':id')
  @ApiOkResponse({ description: 'the campaign' })
  @ApiBadRequestResponse({ description: 'the id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no campaign with this id' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<Campaign> {
    return findOr404(this.db.manager, Campaign, id, 'campaign');
  }
}
