import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readActiveGeneration } from '../../generations/active-generation';
import { PERIOD_FACTS } from '../period-facts.sql';
import { tuneForPeriodReport } from '../report-conventions';

export interface Figures {
  pledgedQty: number;
  pledgedValueVnd: number;
  receivedQty: number;
  allocatedQty: number;
  deliveredQty: number;
  deliveredValueVnd: number;
  childrenReached: number;
  institutionsReached: number;
}

export interface DistrictFigures {
  districtCode: string;
  category: string;
  allocatedQty: number;
  deliveredQty: number;
  deliveredValueVnd: number;
  childrenReached: number;
}

export interface MonthlyReport {
  month: string;
  totals: Figures;
  byCategory: (Figures & { category: string })[];
  byDistrict: DistrictFigures[];
}

const MONTH_FIGURES = `
  coalesce(sum(quantity) FILTER (WHERE fact = 'pledged'), 0) AS "pledgedQty",
  coalesce(sum(quantity * unit_value) FILTER (WHERE fact = 'pledged'), 0) AS "pledgedValueVnd",
  coalesce(sum(quantity) FILTER (WHERE fact = 'received'), 0) AS "receivedQty",
  coalesce(sum(quantity) FILTER (WHERE fact = 'allocated'), 0) AS "allocatedQty",
  coalesce(sum(quantity) FILTER (WHERE fact = 'delivered'), 0) AS "deliveredQty",
  coalesce(sum(quantity * unit_value) FILTER (WHERE fact = 'delivered'), 0) AS "deliveredValueVnd",
  count(DISTINCT who) FILTER (WHERE fact = 'delivered' AND kind = 'child') AS "childrenReached",
  count(DISTINCT who) FILTER (WHERE fact = 'delivered' AND kind = 'institution') AS "institutionsReached"`;

/**
 * The month's facts, counted exactly as GET /reports/summary counts them (period-facts.sql.ts: business dates in
 * Asia/Ho_Chi_Minh, distinct children, merged children once), summed three ways: the month, per category, per
 * district and category. Pledges and receipts have no district, so byDistrict holds allocations and deliveries.
 */
const MONTHLY_SQL = `${PERIOD_FACTS}
  SELECT (SELECT row_to_json(t) FROM (SELECT ${MONTH_FIGURES} FROM categorised) t) AS totals,
         (SELECT coalesce(json_agg(t ORDER BY t.category), '[]') FROM (SELECT category, ${MONTH_FIGURES} FROM categorised GROUP BY category) t) AS by_category,
         (SELECT coalesce(json_agg(t ORDER BY t."districtCode", t.category), '[]') FROM (
            SELECT district_code AS "districtCode", category,
                   coalesce(sum(quantity) FILTER (WHERE fact = 'allocated'), 0) AS "allocatedQty",
                   coalesce(sum(quantity) FILTER (WHERE fact = 'delivered'), 0) AS "deliveredQty",
                   coalesce(sum(quantity * unit_value) FILTER (WHERE fact = 'delivered'), 0) AS "deliveredValueVnd",
                   count(DISTINCT who) FILTER (WHERE fact = 'delivered' AND kind = 'child') AS "childrenReached"
              FROM categorised WHERE fact IN ('allocated', 'delivered') GROUP BY district_code, category) t) AS by_district`;

@Injectable()
export class MonthlyReportHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(month: string, asOf?: string): Promise<MonthlyReport> {
    const [row]: { totals: Figures; by_category: MonthlyReport['byCategory']; by_district: DistrictFigures[] }[] =
      await readActiveGeneration(this.dataSource, async (manager, generation) => {
        await tuneForPeriodReport(manager);
        return manager.query(MONTHLY_SQL, [generation, `${month}-01`, lastDayOf(month), asOf ? new Date(asOf).toISOString() : null, null, null, null]);
      });
    return { month, totals: row.totals, byCategory: row.by_category, byDistrict: row.by_district };
  }
}

export function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}
