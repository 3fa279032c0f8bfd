import { AS_OF, MERGED } from '../../period-facts.sql';
import { UNCATEGORISED } from '../../report-conventions';
import { CATEGORY_FIGURES, SPONSORSHIP_COLUMNS, SPONSORSHIP_CTES, SUMS, TOTAL_SUMS } from '../summary.sql';
import { BLOCK_BITS } from './month-rollups.sql';

const ZERO = `B'0'::bit(${BLOCK_BITS})`;

/** Set bits of the bitmaps in `rows`, ORed per (…, block) first: a child reached in two months counts once. */
const COUNT_OF = (bits: string) => `coalesce(sum(bit_count(${bits})), 0)`;

/**
 * GET /reports/summary with no asOf and no filter, from the month rollups of the period's whole months `$8` and the
 * temporary rollups of its partial months when it has some (month-rollups.ts buildEdgeRollups), as one statement; the same columns as
 * SUMMARY_SQL, which summary-rollups.int-spec.ts compares it with. Parameters otherwise SUMMARY_SQL's ($4…$7 null). Sums are the months' sums, valued at the catalogue's price now;
 * distinct counts are the set bits of each breakdown row's months ORed; a child's age band is the one of the first month
 * of the period it was reached in (its bits in that month and in no earlier one). Sponsorships are read from the facts.
 */
export const SUMMARY_FROM_ROLLUPS_SQL = (withEdges: boolean): string => `
  WITH RECURSIVE ${MERGED(AS_OF)}, ${SPONSORSHIP_CTES},
  sums AS (
    SELECT s.fact, s.campaign_id, s.district_code, s.commune_code, s.quantity,
           s.valued_vnd + s.unvalued_quantity * coalesce(c.unit_value_vnd, 0) AS value,
           coalesce(c.category, '${UNCATEGORISED}') AS category, coalesce(c.unit, '') AS unit, coalesce(c.stocked, true) AS stocked
      FROM (SELECT * FROM summary_month_sums WHERE generation = $1 AND month = ANY($8::date[]) ${withEdges ? 'UNION ALL SELECT * FROM summary_edge_sums' : ''}) s
      LEFT JOIN catalogue_items c ON c.generation = $1 AND c.item_code = s.item_code
  ), reach_rows AS NOT MATERIALIZED (
    SELECT month, kind, dim, key, block, bits FROM summary_month_reach WHERE generation = $1 AND month = ANY($8::date[])
    ${withEdges ? 'UNION ALL SELECT month, kind, dim, key, block, bits FROM summary_edge_reach' : ''}
  ), reach AS (
    -- Each breakdown row's children or institutions over the period.
    SELECT kind, dim, key, ${COUNT_OF('bits')} AS n FROM (
      SELECT kind, dim, key, block, bit_or(bits) AS bits FROM reach_rows WHERE dim IN ('all', 'district', 'campaign', 'commune', 'sex', 'circumstance')
       GROUP BY kind, dim, key, block) b
     GROUP BY kind, dim, key
  ), category_sums AS (
    SELECT category, unit, bool_and(NOT stocked) AS service, ${SUMS} FROM sums WHERE fact <> 'delivered_to_child' GROUP BY category, unit
  ), category_reach AS (
    SELECT category, unit, coalesce(sum(bit_count(bits)) FILTER (WHERE kind = 'child'), 0) AS children,
           coalesce(sum(bit_count(bits)) FILTER (WHERE kind = 'institution'), 0) AS institutions FROM (
      SELECT coalesce(c.category, '${UNCATEGORISED}') AS category, coalesce(c.unit, '') AS unit, r.kind, r.block, bit_or(r.bits) AS bits
        FROM reach_rows r LEFT JOIN catalogue_items c ON c.generation = $1 AND c.item_code = r.key
       WHERE r.dim = 'item' GROUP BY 1, 2, 3, 4) b
     GROUP BY category, unit
  ), delivered_by AS (
    SELECT fact, district_code, campaign_id, commune_code, sum(quantity) AS quantity, sum(value) AS value FROM sums
     WHERE fact IN ('delivered', 'delivered_to_child') GROUP BY GROUPING SETS ((fact, district_code), (fact, campaign_id), (fact, commune_code))
  ), district_reach AS (
    SELECT d.district_code, coalesce(c.n, 0) AS children, coalesce(i.n, 0) AS institutions, d.quantity, d.value
      FROM delivered_by d
      LEFT JOIN reach c ON c.dim = 'district' AND c.kind = 'child' AND c.key = d.district_code
      LEFT JOIN reach i ON i.dim = 'district' AND i.kind = 'institution' AND i.key = d.district_code
     WHERE d.fact = 'delivered' AND d.district_code IS NOT NULL
  ), campaign_reach AS (
    SELECT d.campaign_id, coalesce(c.n, 0) AS children, coalesce(i.n, 0) AS institutions, d.quantity, d.value
      FROM delivered_by d
      LEFT JOIN reach c ON c.dim = 'campaign' AND c.kind = 'child' AND c.key = d.campaign_id::text
      LEFT JOIN reach i ON i.dim = 'campaign' AND i.kind = 'institution' AND i.key = d.campaign_id::text
     WHERE d.fact = 'delivered' AND d.campaign_id IS NOT NULL
  ), commune_reach AS (
    SELECT d.commune_code, coalesce(c.n, 0) AS children, d.quantity, d.value
      FROM delivered_by d LEFT JOIN reach c ON c.dim = 'commune' AND c.kind = 'child' AND c.key = d.commune_code
     WHERE d.fact = 'delivered_to_child' AND d.commune_code IS NOT NULL
  ), campaign_sums AS (
    SELECT campaign_id, coalesce(sum(quantity) FILTER (WHERE fact = 'pledged'), 0) AS pledged,
           coalesce(sum(quantity) FILTER (WHERE fact = 'allocated'), 0) AS allocated
      FROM sums WHERE fact IN ('pledged', 'received', 'allocated', 'returned') AND campaign_id IS NOT NULL GROUP BY campaign_id
  ), first_reached AS (
    -- Per month and block, the children reached then and in no earlier month of the period.
    SELECT month, block, bits & ~coalesce(bit_or(bits) OVER (PARTITION BY block ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), ${ZERO}) AS bits
      FROM reach_rows WHERE dim = 'all' AND kind = 'child'
  ), age_bands AS (
    SELECT a.key AS band, ${COUNT_OF('a.bits & f.bits')} AS n
      FROM reach_rows a JOIN first_reached f ON f.month = a.month AND f.block = a.block
     WHERE a.dim = 'age' AND a.kind = 'child' GROUP BY a.key
  )
  SELECT
    (SELECT row_to_json(t) FROM (
       SELECT ${TOTAL_SUMS},
              coalesce((SELECT n FROM reach WHERE dim = 'all' AND kind = 'child'), 0) AS "childrenReached",
              coalesce((SELECT n FROM reach WHERE dim = 'all' AND kind = 'institution'), 0) AS "institutionsReached"
         FROM category_sums) t) AS totals,
    ${SPONSORSHIP_COLUMNS},
    (SELECT coalesce(json_agg(t ORDER BY t.category, t.unit), '[]') FROM (
       SELECT s.category, s.unit, s.service, ${CATEGORY_FIGURES}
         FROM category_sums s LEFT JOIN category_reach r ON r.category = s.category AND r.unit = s.unit) t
    ) AS by_category,
    (SELECT coalesce(json_agg(t ORDER BY t."districtCode"), '[]') FROM (
       SELECT district_code AS "districtCode", quantity AS "deliveredQty", value AS "deliveredValueVnd", children AS "childrenReached",
              institutions AS "institutionsReached" FROM district_reach) t
    ) AS by_district,
    (SELECT coalesce(json_agg(t ORDER BY t."communeCode"), '[]') FROM (
       SELECT commune_code AS "communeCode", quantity AS "deliveredQty", value AS "deliveredValueVnd", children AS "childrenReached",
              0 AS "institutionsReached" FROM commune_reach) t
    ) AS by_commune,
    (SELECT coalesce(json_agg(t ORDER BY t."campaignId"), '[]') FROM (
       SELECT coalesce(s.campaign_id, r.campaign_id) AS "campaignId", c.name, coalesce(c.kind, 'other') AS kind,
              coalesce(s.pledged, 0) AS "pledgedQty", coalesce(s.allocated, 0) AS "allocatedQty",
              coalesce(r.quantity, 0) AS "deliveredQty", coalesce(r.value, 0) AS "deliveredValueVnd",
              coalesce(r.children, 0) AS "childrenReached", coalesce(r.institutions, 0) AS "institutionsReached"
         FROM campaign_sums s FULL JOIN campaign_reach r ON r.campaign_id = s.campaign_id
         LEFT JOIN campaigns c ON c.generation = $1 AND c.campaign_id = coalesce(s.campaign_id, r.campaign_id)) t
    ) AS by_campaign,
    (SELECT coalesce(json_agg(t ORDER BY t.circumstance), '[]') FROM (
       SELECT split_part(key, '#', 1) AS circumstance, sum(n) AS "childrenReached" FROM reach
        WHERE dim = 'circumstance' AND kind = 'child' GROUP BY 1) t
    ) AS by_circumstance,
    (SELECT coalesce(json_agg(t ORDER BY t.sex), '[]') FROM (
       SELECT key AS sex, n AS "childrenReached" FROM reach WHERE dim = 'sex' AND kind = 'child') t
    ) AS by_sex,
    (SELECT coalesce(json_agg(json_build_object('band', t.band, 'childrenReached', t.n) ORDER BY t.ord), '[]') FROM (
       SELECT band, n, CASE band WHEN '0-5' THEN 1 WHEN '6-10' THEN 2 WHEN '11-15' THEN 3 WHEN '16-17' THEN 4 WHEN '18+' THEN 5 ELSE 9 END AS ord
         FROM age_bands WHERE n > 0) t
    ) AS by_age_band`;
