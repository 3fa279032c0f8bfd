import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findOr404 } from '@giftflow/platform';
import { Campaign } from '../campaign.entity';

@Controller('campaigns')
export class GetCampaignController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<Campaign> {
    return findOr404(this.db.manager, Campaign, id, 'campaign');
  }
}
