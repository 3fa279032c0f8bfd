import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Page, fundDateOf, pageOf, pageRequestOf } from '@giftflow/platform';
import { PledgeLine } from '../pledge-line.entity';
import { Pledge } from '../pledge.entity';
import { PledgeView, pledgeView } from '../pledge-view';
import { ListPledgesQueryDto } from './list-pledges.dto';

/** Pledges with their lines, latest pledge date first. `overdue` is judged against the fund's today. */
@Injectable()
export class ListPledgesView {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: ListPledgesQueryDto, now = new Date()): Promise<Page<PledgeView>> {
    const request = pageRequestOf(query);
    const q = this.db.manager.createQueryBuilder(Pledge, 'p');
    if (query.donorId) q.andWhere('p.donor_id = :donorId', { donorId: query.donorId });
    if (query.campaignId) q.andWhere('p.campaign_id = :campaignId', { campaignId: query.campaignId });
    if (query.status) q.andWhere('p.status = :status', { status: query.status });
    if (query.overdue === true) {
      q.andWhere(`p.status IN ('pledged', 'partially_received') AND p.expected_on < :today`, { today: fundDateOf(now) });
    } else if (query.overdue === false) {
      q.andWhere(`NOT (p.status IN ('pledged', 'partially_received') AND p.expected_on IS NOT NULL AND p.expected_on < :today)`, { today: fundDateOf(now) });
    }
    const [pledges, total] = await q.orderBy('p.pledged_on', 'DESC').addOrderBy('p.created_at', 'DESC').addOrderBy('p.id')
      .skip(request.offset).take(request.limit).getManyAndCount();
    const lines = pledges.length
      ? await this.db.manager.find(PledgeLine, { where: { pledgeId: In(pledges.map((p) => p.id)) }, order: { pledgeId: 'ASC', lineNo: 'ASC' } })
      : [];
    return pageOf(pledges.map((p) => pledgeView(p, lines.filter((l) => l.pledgeId === p.id))), total, request);
  }
}
