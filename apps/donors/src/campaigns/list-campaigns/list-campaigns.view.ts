import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page, pageOf, pageRequestOf } from '@giftflow/platform';
import { Campaign } from '../campaign.entity';
import { ListCampaignsQueryDto } from './list-campaigns.dto';

/** Campaigns, latest start first. */
@Injectable()
export class ListCampaignsView {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: ListCampaignsQueryDto): Promise<Page<Campaign>> {
    const request = pageRequestOf(query);
    const status = query.status && query.status !== 'all' ? query.status : undefined;
    const [items, total] = await this.db.manager.findAndCount(Campaign, {
      where: status ? { status } : {},
      order: { startsOn: 'DESC', createdAt: 'DESC', id: 'ASC' },
      skip: request.offset,
      take: request.limit,
    });
    return pageOf(items, total, request);
  }
}
