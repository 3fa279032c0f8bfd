import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { findOr404 } from '@giftflow/platform';
import { Allocation } from '../../allocations/allocation.entity';
import { KnownCampaign } from '../../campaigns/known-campaign.entity';
import { KnownItem } from '../../items/known-item.entity';
import { AllocationPlan, AllocationPlanEntry } from '../allocation-plan.entity';
import { SheetRow, giftText } from './roster-sheet';

export interface RosterSheet {
  plan: AllocationPlan;
  campaignName: string | null;
  rows: SheetRow[];
}

/**
 * Who is on the sheet: once committed, every entry with an allocation that is not rejected or cancelled; in a draft,
 * the entries the stock would serve. Names as frozen in the roster.
 */
@Injectable()
export class PrintRosterView {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async sheet(id: string): Promise<RosterSheet> {
    const m = this.db.manager;
    const plan = await findOr404(m, AllocationPlan, id, 'allocation plan');
    const entries = await m.find(AllocationPlanEntry, { where: { planId: id }, order: { rank: 'ASC' } });
    const allocationIds = entries.flatMap((e) => (e.allocationId ? [e.allocationId] : []));
    const live = new Set(
      (allocationIds.length ? await m.find(Allocation, { where: { id: In(allocationIds) }, select: { id: true, status: true } }) : [])
        .filter((a) => a.status !== 'rejected' && a.status !== 'cancelled').map((a) => a.id),
    );
    const onSheet = plan.status === 'committed' ? entries.filter((e) => e.allocationId && live.has(e.allocationId)) : entries.slice(0, plan.willReceive);
    const items = await m.findBy(KnownItem, { itemCode: In(plan.lines.map((l) => l.itemCode)) });
    const gift = giftText(plan.lines, new Map(items.map((i) => [i.itemCode, i.name])));
    const campaign = await m.findOneBy(KnownCampaign, { id: plan.campaignId });
    return {
      plan, campaignName: campaign?.name ?? null,
      rows: onSheet.map((e) => ({ rank: e.rank, name: e.displayName, birthYear: e.birthYear, commune: e.communeCode, guardian: e.guardianName, gift })),
    };
  }
}
