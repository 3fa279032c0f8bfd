import { AS_OF, PERIOD_FACT_KINDS } from '../period-facts.sql';
import { UNCATEGORISED } from '../report-conventions';

/** Sums of categorised facts (bigint/numeric: JSON numbers, never cast to int). */
export const SUMS = `
  coalesce(sum(quantity) FILTER (WHERE fact = 'pledged'), 0) AS pledged_qty,
  coalesce(sum(value) FILTER (WHERE fact = 'pledged'), 0) AS pledged_value,
  coalesce(sum(quantity) FILTER (WHERE fact = 'received'), 0) AS received_qty,
  coalesce(sum(value) FILTER (WHERE fact = 'received'), 0) AS received_value,
  coalesce(sum(quantity) FILTER (WHERE fact = 'allocated'), 0) AS allocated_qty,
  coalesce(sum(quantity) FILTER (WHERE fact = 'delivered'), 0) AS delivered_qty,
  coalesce(sum(value) FILTER (WHERE fact = 'delivered'), 0) AS delivered_value,
  coalesce(sum(quantity) FILTER (WHERE fact = 'returned'), 0) AS returned_qty`;

const SUM_COLUMNS = ['pledged_qty', 'pledged_value', 'received_qty', 'received_value', 'allocated_qty', 'delivered_qty', 'delivered_value', 'returned_qty'];
const FIGURE_NAMES = ['pledgedQty', 'pledgedValueVnd', 'receivedQty', 'receivedValueVnd', 'allocatedQty', 'deliveredQty', 'deliveredValueVnd', 'returnedQty'];

/** The totals' sums: the categories' added up (every fact has exactly one category). */
export const TOTAL_SUMS = SUM_COLUMNS.map((c, i) => `coalesce(sum(${c}), 0) AS "${FIGURE_NAMES[i]}"`).join(', ');
export const CATEGORY_FIGURES = `${SUM_COLUMNS.map((c, i) => `s.${c} AS "${FIGURE_NAMES[i]}"`).join(', ')},
  coalesce(r.children, 0) AS "childrenReached", coalesce(r.institutions, 0) AS "institutionsReached"`;

/** Children and institutions in a set of distinct (…, who, kind) rows. */
const REACHED_COUNTS = `count(*) FILTER (WHERE kind = 'child') AS children, count(*) FILTER (WHERE kind = 'institution') AS institutions`;
const REACH_FIGURES = `quantity AS "deliveredQty", value AS "deliveredValueVnd", children AS "childrenReached", institutions AS "institutionsReached"`;

/** Age in whole years on `day` of a child born in `birth_month` (YYYY-MM). */
export const AGE = (day: string) =>
  `((extract(year FROM ${day})::int * 12 + extract(month FROM ${day})::int
     - (split_part(birth_month, '-', 1)::int * 12 + split_part(birth_month, '-', 2)::int)) / 12)`;

/**
 * The sponsorship CTEs (`spons`, `active_spons`): read from the facts by both the summary and its month-rollup form
 * (sponsorships are few). They read `merged` (period-facts.sql.ts MERGED).
 */
export const SPONSORSHIP_CTES = `spons AS (
    SELECT s.sponsorship_id, s.beneficiary_id, s.monthly_amount_vnd, s.start_month,
           least(s.end_month, coalesce((SELECT min(x.last_month) FROM sponsorship_stops x
                                          WHERE x.generation = $1 AND x.sponsorship_id = s.sponsorship_id AND x.occurred_at <= ${AS_OF}), s.end_month)) AS last_due
      FROM sponsorships s
     WHERE s.generation = $1 AND s.occurred_at <= ${AS_OF} AND ($5::uuid IS NULL OR s.campaign_id = $5::uuid) AND ($6::text IS NULL OR s.district_code = $6::text)
       AND ($7::uuid IS NULL OR s.donor_id = $7::uuid)
  ), active_spons AS (
    SELECT s.*, coalesce(m.root, s.beneficiary_id) AS who FROM spons s LEFT JOIN merged m ON m.id = s.beneficiary_id
     WHERE s.start_month <= to_char($3::date, 'YYYY-MM') AND s.last_due >= to_char($2::date, 'YYYY-MM') AND s.start_month <= s.last_due
  )`;

/** The summary's `sponsorships` and `sponsorships_by_amount` columns, over SPONSORSHIP_CTES. */
export const SPONSORSHIP_COLUMNS = `json_build_object(
      'active', (SELECT count(*) FROM active_spons),
      'childrenSponsored', (SELECT count(DISTINCT who) FROM active_spons),
      'instalmentsPaidVnd', (SELECT coalesce(sum(i.amount_vnd), 0) FROM sponsorship_instalments i JOIN spons s ON s.sponsorship_id = i.sponsorship_id
                              WHERE i.generation = $1 AND i.paid_on BETWEEN $2 AND $3 AND i.occurred_at <= ${AS_OF})
    ) AS sponsorships,
    (SELECT coalesce(json_agg(t ORDER BY t."monthlyAmountVnd"), '[]') FROM (
       SELECT monthly_amount_vnd AS "monthlyAmountVnd", count(*) AS active, count(DISTINCT who) AS "childrenSponsored" FROM active_spons GROUP BY 1) t
    ) AS sponsorships_by_amount`;

/** The age band of `age` (whole years, NULL when the birth month is unknown), and its place in byAgeBand. */
export const AGE_BAND = (age: string) => `CASE WHEN ${age} IS NULL THEN 'unknown' WHEN ${age} <= 5 THEN '0-5' WHEN ${age} <= 10 THEN '6-10'
  WHEN ${age} <= 15 THEN '11-15' WHEN ${age} <= 17 THEN '16-17' ELSE '18+' END`;
export const AGE_BAND_ORDER = (age: string) => `CASE WHEN ${age} IS NULL THEN 9 WHEN ${age} <= 5 THEN 1 WHEN ${age} <= 10 THEN 2
  WHEN ${age} <= 15 THEN 3 WHEN ${age} <= 17 THEN 4 ELSE 5 END`;

/**
 * Every breakdown of GET /reports/summary in one statement (one snapshot). Children are counted once per row and
 * once in the totals; a child's circumstances, sex and age band are their version as of asOf, age on their first
 * delivery of the period; the commune is the child's.
 */
export const SUMMARY_SQL = `${PERIOD_FACT_KINDS},
  dims AS (
    SELECT beneficiary_id, commune_code, sex, birth_month, circumstances FROM beneficiary_versions
     WHERE generation = $1 AND occurred_at <= ${AS_OF} AND (superseded_at IS NULL OR superseded_at > ${AS_OF})
  ), delivered_to AS MATERIALIZED (
    -- The period's deliveries, narrow, with their category: every breakdown below reads this, not the fact tables.
    SELECT d.who, d.kind, d.district_code, d.campaign_id, d.day, d.quantity, d.quantity * coalesce(d.unit_value_vnd, c.unit_value_vnd, 0) AS value,
           coalesce(c.category, '${UNCATEGORISED}') AS category, coalesce(c.unit, '') AS unit, coalesce(c.stocked, true) AS stocked
      FROM delivered d LEFT JOIN catalogue_items c ON c.generation = $1 AND c.item_code = d.item_code
  ), other_facts AS MATERIALIZED (
    -- Everything else, summed per item and campaign before it is categorised (allocations are many, items few).
    SELECT f.fact, f.campaign_id, f.quantity, f.quantity * coalesce(f.unit_value_vnd, c.unit_value_vnd, 0) AS value,
           coalesce(c.category, '${UNCATEGORISED}') AS category, coalesce(c.unit, '') AS unit, coalesce(c.stocked, true) AS stocked
      FROM (SELECT fact, campaign_id, item_code, unit_value_vnd, sum(quantity) AS quantity FROM (
              SELECT 'pledged' AS fact, campaign_id, item_code, quantity, unit_value_vnd FROM pledged
              UNION ALL SELECT 'received', campaign_id, item_code, quantity, unit_value_vnd FROM received
              UNION ALL SELECT 'allocated', campaign_id, item_code, quantity, NULL FROM allocated
              UNION ALL SELECT 'returned', campaign_id, item_code, quantity, unit_value_vnd FROM returned) u
             GROUP BY fact, campaign_id, item_code, unit_value_vnd) f
      LEFT JOIN catalogue_items c ON c.generation = $1 AND c.item_code = f.item_code
  ), reached AS MATERIALIZED (
    -- Each child or institution reached in the period once, with what it got: distinct counts below are row counts of
    -- hashed sets, never count(DISTINCT) (which sorts its input per group).
    SELECT who, kind, min(day) AS first_day, sum(quantity) AS quantity, sum(value) AS value FROM delivered_to GROUP BY who, kind
  ), children AS (
    SELECT r.who, r.first_day, r.quantity, r.value, d.commune_code, d.sex, d.birth_month, coalesce(d.circumstances, '{}') AS circumstances
      FROM reached r LEFT JOIN dims d ON d.beneficiary_id = r.who WHERE r.kind = 'child'
  ), category_sums AS (
    SELECT category, unit, bool_and(NOT stocked) AS service, ${SUMS} FROM (
      SELECT fact, quantity, value, category, unit, stocked FROM other_facts
      UNION ALL
      SELECT 'delivered', sum(quantity), sum(value), category, unit, stocked FROM delivered_to GROUP BY category, unit, stocked) f
     GROUP BY category, unit
  ), category_reach AS (
    SELECT category, unit, ${REACHED_COUNTS} FROM (SELECT DISTINCT category, unit, who, kind FROM delivered_to) x GROUP BY category, unit
  ), district_reach AS (
    SELECT district_code, ${REACHED_COUNTS}, sum(quantity) AS quantity, sum(value) AS value FROM (
      SELECT district_code, who, kind, sum(quantity) AS quantity, sum(value) AS value FROM delivered_to GROUP BY district_code, who, kind) x
     GROUP BY district_code
  ), campaign_reach AS (
    SELECT campaign_id, ${REACHED_COUNTS}, sum(quantity) AS quantity, sum(value) AS value FROM (
      SELECT campaign_id, who, kind, sum(quantity) AS quantity, sum(value) AS value FROM delivered_to WHERE campaign_id IS NOT NULL
       GROUP BY campaign_id, who, kind) x
     GROUP BY campaign_id
  ), campaign_sums AS (
    SELECT campaign_id, coalesce(sum(quantity) FILTER (WHERE fact = 'pledged'), 0) AS pledged,
           coalesce(sum(quantity) FILTER (WHERE fact = 'allocated'), 0) AS allocated
      FROM other_facts WHERE campaign_id IS NOT NULL GROUP BY campaign_id
  ), ${SPONSORSHIP_CTES}
  SELECT
    (SELECT row_to_json(t) FROM (
       SELECT ${TOTAL_SUMS},
              (SELECT count(*) FROM reached WHERE kind = 'child') AS "childrenReached",
              (SELECT count(*) FROM reached WHERE kind = 'institution') AS "institutionsReached"
         FROM category_sums) t) AS totals,
    ${SPONSORSHIP_COLUMNS},
    (SELECT coalesce(json_agg(t ORDER BY t.category, t.unit), '[]') FROM (
       SELECT s.category, s.unit, s.service, ${CATEGORY_FIGURES}
         FROM category_sums s LEFT JOIN category_reach r ON r.category = s.category AND r.unit = s.unit) t
    ) AS by_category,
    (SELECT coalesce(json_agg(t ORDER BY t."districtCode"), '[]') FROM (
       SELECT district_code AS "districtCode", ${REACH_FIGURES} FROM district_reach) t
    ) AS by_district,
    (SELECT coalesce(json_agg(t ORDER BY t."communeCode"), '[]') FROM (
       SELECT coalesce(commune_code, 'unknown') AS "communeCode", coalesce(sum(quantity), 0) AS "deliveredQty",
              coalesce(sum(value), 0) AS "deliveredValueVnd", count(*) AS "childrenReached", 0 AS "institutionsReached"
         FROM children GROUP BY 1) t
    ) AS by_commune,
    (SELECT coalesce(json_agg(t ORDER BY t."campaignId"), '[]') FROM (
       SELECT coalesce(s.campaign_id, r.campaign_id) AS "campaignId", c.name, coalesce(c.kind, 'other') AS kind,
              coalesce(s.pledged, 0) AS "pledgedQty", coalesce(s.allocated, 0) AS "allocatedQty",
              coalesce(r.quantity, 0) AS "deliveredQty", coalesce(r.value, 0) AS "deliveredValueVnd",
              coalesce(r.children, 0) AS "childrenReached", coalesce(r.institutions, 0) AS "institutionsReached"
         -- Every campaign with activity in the period: a fact of any kind for it.
         FROM campaign_sums s FULL JOIN campaign_reach r ON r.campaign_id = s.campaign_id
         LEFT JOIN campaigns c ON c.generation = $1 AND c.campaign_id = coalesce(s.campaign_id, r.campaign_id)) t
    ) AS by_campaign,
    (SELECT coalesce(json_agg(t ORDER BY t.circumstance), '[]') FROM (
       SELECT circumstance, count(*) AS "childrenReached" FROM children, unnest(circumstances) AS circumstance GROUP BY 1) t
    ) AS by_circumstance,
    (SELECT coalesce(json_agg(t ORDER BY t.sex), '[]') FROM (
       SELECT coalesce(sex, 'unknown') AS sex, count(*) AS "childrenReached" FROM children GROUP BY 1) t
    ) AS by_sex,
    (SELECT coalesce(json_agg(json_build_object('band', t.band, 'childrenReached', t.n) ORDER BY t.ord), '[]') FROM (
       SELECT band, min(ord) AS ord, count(*) AS n FROM (
         SELECT ${AGE_BAND('age')} AS band, ${AGE_BAND_ORDER('age')} AS ord
           FROM (SELECT birth_month, CASE WHEN birth_month IS NULL THEN NULL ELSE ${AGE('first_day')} END AS age FROM children) a) b
       GROUP BY band) t
    ) AS by_age_band`;
