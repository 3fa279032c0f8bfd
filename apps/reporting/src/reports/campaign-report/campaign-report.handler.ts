import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readActiveGeneration } from '../../generations/active-generation';
import { tuneForPeriodReport } from '../report-conventions';
import { CAMPAIGN_REPORT_SQL } from './campaign-report.sql';

export interface Units {
  requested: number;
  committed: number;
  dispatched: number;
  delivered: number;
}

export interface Reached {
  deliveredValueVnd: number;
  childrenReached: number;
  institutionsReached: number;
}

export interface CampaignReport extends Reached {
  campaignId: string;
  /** Null while the campaign's CampaignOpened has not been read (its allocations have). */
  name: string | null;
  kind: string;
  startsOn: string | null;
  endsOn: string | null;
  closedAt: string | null;
  asOf: string | null;
  districtCodes: string[];
  /** Per category: the campaign's target (0 when it set none) and the units requested, committed, dispatched, delivered. */
  targets: (Units & { category: string; unit: string; target: number })[];
  byDistrict: (Units & Reached & { districtCode: string })[];
}

type Row = {
  campaign: { campaignId: string; name: string; kind: string; startsOn: string; endsOn: string; districtCodes: string[];
    targets: { category: string; quantity: number }[]; closedAt: string | null } | null;
  facts: string;
  by_category: (Units & { category: string; unit: string })[];
  by_district: CampaignReport['byDistrict'];
  reached: Reached;
};

@Injectable()
export class CampaignReportHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(campaignId: string, asOf?: string): Promise<CampaignReport> {
    const at = asOf ? new Date(asOf).toISOString() : null;
    const [row]: Row[] = await readActiveGeneration(this.dataSource, async (manager, generation) => {
      await tuneForPeriodReport(manager);
      return manager.query(CAMPAIGN_REPORT_SQL, [generation, campaignId, at]);
    });
    if (!row.campaign && Number(row.facts) === 0) throw new NotFoundException(`campaign ${campaignId} not found`);
    const targets = new Map((row.campaign?.targets ?? []).map((t) => [t.category, t.quantity]));
    const rows = row.by_category.map((r) => ({ category: r.category, unit: r.unit, target: targets.get(r.category) ?? 0, ...units(r) }));
    for (const [category, target] of targets) {
      if (!rows.some((r) => r.category === category)) rows.push({ category, unit: '', target, requested: 0, committed: 0, dispatched: 0, delivered: 0 });
    }
    rows.sort((a, b) => a.category.localeCompare(b.category) || a.unit.localeCompare(b.unit));
    return {
      campaignId,
      name: row.campaign?.name ?? null,
      kind: row.campaign?.kind ?? 'other',
      startsOn: row.campaign?.startsOn ?? null,
      endsOn: row.campaign?.endsOn ?? null,
      closedAt: row.campaign?.closedAt ? new Date(row.campaign.closedAt).toISOString() : null,
      asOf: at,
      districtCodes: row.campaign?.districtCodes ?? [],
      targets: rows,
      byDistrict: row.by_district,
      ...row.reached,
    };
  }
}

const units = (r: Units): Units => ({ requested: r.requested, committed: r.committed, dispatched: r.dispatched, delivered: r.delivered });
