import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Page, paging } from '../../paging/page-query.dto';
import { Allocation, AllocationView, allocationView } from '../allocation.entity';
import { findBeneficiary } from '../beneficiary';
import { ListAllocationsDto } from './list-allocations.dto';

/** Allocations by beneficiary (its merged records included), campaign, plan and status; newest first. */
@Injectable()
export class ListAllocationsView {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(q: ListAllocationsDto): Promise<Page<AllocationView>> {
    const { page, pageSize, limit, offset } = paging(q);
    const ids = q.beneficiaryId ? ((await findBeneficiary(this.db.manager, q.beneficiaryId))?.groupIds ?? [q.beneficiaryId]) : null;
    const [rows, total] = await this.db.manager.findAndCount(Allocation, {
      where: {
        ...(ids ? { beneficiaryId: In(ids) } : {}),
        ...(q.campaignId ? { campaignId: q.campaignId } : {}),
        ...(q.planId ? { planId: q.planId } : {}),
        ...(q.status ? { status: q.status } : {}),
      },
      order: { requestedAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(allocationView), total, page, pageSize };
  }
}
