import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readActiveGeneration } from '../../generations/active-generation';
import { FUND_TIME_ZONE, UNCATEGORISED } from '../report-conventions';

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

type Row = Record<keyof Figures, string> & { level: number; category: string | null; district_code: string | null };

/**
 * Every fact of the month, bucketed in the fund's time zone (occurredAt; deliveredAt for deliveries),
 * categorised through the catalogue at query time, then summed three ways at once: the whole month,
 * per category, per district and category. Reaches count distinct beneficiaries, so totals are not sums.
 */
const MONTHLY_SQL = `
  WITH month AS (
    SELECT ($2 || '-01')::timestamp AT TIME ZONE '${FUND_TIME_ZONE}' AS starts,
           (($2 || '-01')::timestamp + interval '1 month') AT TIME ZONE '${FUND_TIME_ZONE}' AS ends
  ), facts AS (
    -- A cancelled pledge no longer stands: it is not counted as pledged, in its month or any other.
    SELECT 'pledged' AS fact, item_code, NULL AS district_code, quantity, unit_value_vnd, NULL::uuid AS beneficiary_id, NULL AS beneficiary_kind
      FROM pledge_lines p, month WHERE p.generation = $1 AND p.occurred_at >= starts AND p.occurred_at < ends
       AND NOT EXISTS (SELECT 1 FROM pledge_cancellations x WHERE x.generation = $1 AND x.pledge_id = p.pledge_id)
    UNION ALL
    SELECT 'received', item_code, NULL, quantity, unit_value_vnd, NULL, NULL
      FROM receipt_lots, month WHERE generation = $1 AND occurred_at >= starts AND occurred_at < ends
    UNION ALL
    SELECT 'allocated', item_code, district_code, quantity, NULL, beneficiary_id, beneficiary_kind
      FROM allocation_lines, month WHERE generation = $1 AND occurred_at >= starts AND occurred_at < ends
    UNION ALL
    SELECT 'delivered', item_code, district_code, quantity, unit_value_vnd, beneficiary_id, beneficiary_kind
      FROM delivered_lots, month WHERE generation = $1 AND delivered_at >= starts AND delivered_at < ends
  ), categorised AS (
    -- A pledge line without a value is worth the catalogue's unit value; a lot carries its own.
    SELECT f.*, coalesce(c.category, '${UNCATEGORISED}') AS category, coalesce(f.unit_value_vnd, c.unit_value_vnd, 0) AS unit_value
      FROM facts f LEFT JOIN catalogue_items c ON c.generation = $1 AND c.item_code = f.item_code
  )
  SELECT GROUPING(category, district_code) AS level, category, district_code,
         coalesce(sum(quantity) FILTER (WHERE fact = 'pledged'), 0) AS "pledgedQty",
         coalesce(sum(quantity * unit_value) FILTER (WHERE fact = 'pledged'), 0) AS "pledgedValueVnd",
         coalesce(sum(quantity) FILTER (WHERE fact = 'received'), 0) AS "receivedQty",
         coalesce(sum(quantity) FILTER (WHERE fact = 'allocated'), 0) AS "allocatedQty",
         coalesce(sum(quantity) FILTER (WHERE fact = 'delivered'), 0) AS "deliveredQty",
         coalesce(sum(quantity * unit_value) FILTER (WHERE fact = 'delivered'), 0) AS "deliveredValueVnd",
         count(DISTINCT beneficiary_id) FILTER (WHERE fact = 'delivered' AND beneficiary_kind = 'child') AS "childrenReached",
         count(DISTINCT beneficiary_id) FILTER (WHERE fact = 'delivered' AND beneficiary_kind = 'institution') AS "institutionsReached"
    FROM categorised
   GROUP BY GROUPING SETS ((), (category), (category, district_code))
   ORDER BY category, district_code`;

const WHOLE_MONTH = 3;
const PER_CATEGORY = 1;

@Injectable()
export class MonthlyReportHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(month: string): Promise<MonthlyReport> {
    const rows = await readActiveGeneration(this.dataSource, (manager, generation): Promise<Row[]> => manager.query(MONTHLY_SQL, [generation, month]));
    const totals = rows.find((r) => r.level === WHOLE_MONTH);
    return {
      month,
      totals: totals ? figures(totals) : figures({} as Row),
      byCategory: rows.filter((r) => r.level === PER_CATEGORY).map((r) => ({ category: r.category!, ...figures(r) })),
      // Pledges and receipts have no district: their rows at this level are not districts.
      byDistrict: rows.filter((r) => r.level === 0 && r.district_code !== null).map((r) => {
        const { allocatedQty, deliveredQty, deliveredValueVnd, childrenReached } = figures(r);
        return { districtCode: r.district_code!, category: r.category!, allocatedQty, deliveredQty, deliveredValueVnd, childrenReached };
      }),
    };
  }
}

/** PostgreSQL sums and counts come back as strings (bigint/numeric). */
function figures(row: Row): Figures {
  const n = (key: keyof Figures) => Number(row[key] ?? 0);
  return {
    pledgedQty: n('pledgedQty'), pledgedValueVnd: n('pledgedValueVnd'), receivedQty: n('receivedQty'), allocatedQty: n('allocatedQty'),
    deliveredQty: n('deliveredQty'), deliveredValueVnd: n('deliveredValueVnd'), childrenReached: n('childrenReached'), institutionsReached: n('institutionsReached'),
  };
}
