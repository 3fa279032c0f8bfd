import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { findBeneficiary } from '../../allocations/beneficiary';
import { Clock } from '../../clock/clock';
import { Page, paging } from '../../paging/page-query.dto';
import { statementsOf } from '../sponsorship-statement';
import { Sponsorship, SponsorshipView, sponsorshipView } from '../sponsorship.entity';
import { ListSponsorshipsDto } from './list-sponsorships.dto';

export type SponsorshipSummary = SponsorshipView & { paidVnd: number; arrearsVnd: number };

/**
 * Sponsorships by donor, child, status, in arrears; oldest first. Arrears are computed from the instalments as of
 * this month, so the filter runs over the matching sponsorships (a fund has hundreds, not millions).
 */
@Injectable()
export class ListSponsorshipsView {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly clock: Clock) {}

  async list(q: ListSponsorshipsDto): Promise<Page<SponsorshipSummary>> {
    const { page, pageSize, offset } = paging(q);
    const childIds = q.childId ? ((await findBeneficiary(this.db.manager, q.childId))?.groupIds ?? [q.childId]) : null;
    const rows = await this.db.manager.find(Sponsorship, {
      where: { ...(q.donorId ? { donorId: q.donorId } : {}), ...(childIds ? { childId: In(childIds) } : {}), ...(q.status ? { status: q.status } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const statements = await statementsOf(this.db.manager, rows, this.clock.month());
    const summaries = rows
      .map((s) => ({ ...sponsorshipView(s), paidVnd: statements.get(s.id)!.paidVnd, arrearsVnd: statements.get(s.id)!.arrearsVnd }))
      .filter((s) => q.arrears !== 'true' || s.arrearsVnd > 0);
    return { items: summaries.slice(offset, offset + pageSize), total: summaries.length, page, pageSize };
  }
}
