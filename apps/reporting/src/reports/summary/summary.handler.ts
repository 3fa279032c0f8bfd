import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readActiveGeneration } from '../../generations/active-generation';
import { tuneForPeriodReport } from '../report-conventions';
import { SUMMARY_SQL } from './summary.sql';

export interface Reach {
  deliveredQty: number;
  deliveredValueVnd: number;
  childrenReached: number;
  institutionsReached: number;
}

export interface PeriodFigures extends Reach {
  pledgedQty: number;
  pledgedValueVnd: number;
  receivedQty: number;
  receivedValueVnd: number;
  allocatedQty: number;
  returnedQty: number;
}

export interface SponsorshipTotals {
  /** Sponsorships with at least one month due in the period. */
  active: number;
  childrenSponsored: number;
  /** Instalments paid (paidOn) in the period. */
  instalmentsPaidVnd: number;
}

export interface Summary {
  from: string;
  to: string;
  /** The instant the report counts up to (null: everything recorded so far). */
  asOf: string | null;
  campaignId: string | null;
  districtCode: string | null;
  totals: PeriodFigures & { sponsorships: SponsorshipTotals };
  byCategory: (PeriodFigures & { category: string; unit: string; service: boolean })[];
  byDistrict: (Reach & { districtCode: string })[];
  byCommune: (Reach & { communeCode: string })[];
  byCampaign: (Reach & { campaignId: string; name: string | null; kind: string; pledgedQty: number; allocatedQty: number })[];
  byCircumstance: { circumstance: string; childrenReached: number }[];
  bySex: { sex: string; childrenReached: number }[];
  byAgeBand: { band: string; childrenReached: number }[];
  sponsorshipsByMonthlyAmount: { monthlyAmountVnd: number; active: number; childrenSponsored: number }[];
}

export interface SummaryFilters {
  from: string;
  to: string;
  asOf?: string;
  campaignId?: string;
  districtCode?: string;
}

type Row = {
  totals: PeriodFigures; sponsorships: SponsorshipTotals; sponsorships_by_amount: Summary['sponsorshipsByMonthlyAmount'];
  by_category: Summary['byCategory']; by_district: Summary['byDistrict']; by_commune: Summary['byCommune']; by_campaign: Summary['byCampaign'];
  by_circumstance: Summary['byCircumstance']; by_sex: Summary['bySex']; by_age_band: Summary['byAgeBand'];
};

@Injectable()
export class SummaryHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async summary(filters: SummaryFilters): Promise<Summary> {
    const { from, to } = filters;
    if (from > to) throw new BadRequestException(['from must not be after to']);
    const asOf = filters.asOf ? new Date(filters.asOf).toISOString() : null;
    const [row]: Row[] = await readActiveGeneration(this.dataSource, async (manager, generation) => {
      await tuneForPeriodReport(manager);
      return manager.query(SUMMARY_SQL, [generation, from, to, asOf, filters.campaignId ?? null, filters.districtCode ?? null, null]);
    });
    return {
      from, to, asOf, campaignId: filters.campaignId ?? null, districtCode: filters.districtCode ?? null,
      totals: { ...row.totals, sponsorships: row.sponsorships },
      byCategory: row.by_category,
      byDistrict: row.by_district,
      byCommune: row.by_commune,
      byCampaign: row.by_campaign,
      byCircumstance: row.by_circumstance,
      bySex: row.by_sex,
      byAgeBand: row.by_age_band,
      sponsorshipsByMonthlyAmount: row.sponsorships_by_amount,
    };
  }
}
