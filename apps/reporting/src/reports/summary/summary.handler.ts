import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readActiveGeneration } from '../../generations/active-generation';
import { tuneForPeriodReport } from '../report-conventions';
import { buildEdgeRollups, periodBuckets, refreshMonthRollups, withMonthRollups } from './rollups/month-rollups';
import { SUMMARY_FROM_ROLLUPS_SQL } from './rollups/summary-from-rollups.sql';
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

/**
 * How long a summary waits for another's rollup work before reading the facts: a summary's own refresh takes tens of
 * milliseconds, a new generation's first build (after its swap) seconds.
 */
const ROLLUP_WAIT_MS = 1000;

@Injectable()
export class SummaryHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async summary(filters: SummaryFilters): Promise<Summary> {
    const { from, to } = filters;
    if (from > to) throw new BadRequestException(['from must not be after to']);
    const asOf = filters.asOf ? new Date(filters.asOf).toISOString() : null;
    const params = [from, to, asOf, filters.campaignId ?? null, filters.districtCode ?? null, null];
    const latest = asOf === null && !filters.campaignId && !filters.districtCode;
    const row = (latest && await this.fromMonthRollups(from, to, params)) || await this.fromFacts(params);
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

  /** Every figure from the period's facts: any period, asOf and filter. */
  private async fromFacts(params: unknown[]): Promise<Row> {
    const [row]: Row[] = await readActiveGeneration(this.dataSource, async (manager, generation) => {
      await tuneForPeriodReport(manager);
      return manager.query(SUMMARY_SQL, [generation, ...params]);
    });
    return row;
  }

  /**
   * As recorded now and unfiltered (the half-year document, the usual GET): the whole months from the month rollups, brought
   * up to date first, and the partial months at the period's ends from their facts, in one snapshot (rollups/month-rollups.ts).
   * Null, and the facts answer, when a swap of generations or a concurrent rollup build got in the way (REPEATABLE READ's
   * serialization failure, or the rollups locked longer than ROLLUP_WAIT_MS).
   */
  private async fromMonthRollups(from: string, to: string, params: unknown[]): Promise<Row | null> {
    const { months, edges } = periodBuckets(from, to);
    if (months.length === 0) return null; // a part of a month or two: the facts are as quick, and need no rollup
    const [{ generation }]: { generation: number }[] = await this.dataSource.query('SELECT generation FROM active_generation');
    try {
      return await withMonthRollups(this.dataSource, generation, async (manager) => {
        // Held to the end, as readActiveGeneration does: a swap waits, the generation is not dropped under the read.
        const [active]: { generation: number }[] = await manager.query('SELECT generation FROM active_generation FOR SHARE');
        if (active.generation !== generation) return null;
        await refreshMonthRollups(manager, generation, months);
        await buildEdgeRollups(manager, generation, edges);
        await tuneForPeriodReport(manager);
        const [row]: Row[] = await manager.query(SUMMARY_FROM_ROLLUPS_SQL(edges.length > 0), [generation, ...params, months]);
        return row;
      }, ROLLUP_WAIT_MS);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === '40001' || code === '55P03') return null; // serialization failure; the rollups busy being built
      throw error;
    }
  }
}
