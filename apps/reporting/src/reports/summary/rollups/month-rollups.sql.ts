import { AS_OF, PERIOD_FACT_KINDS } from '../../period-facts.sql';
import { AGE, AGE_BAND } from '../summary.sql';

/**
 * The month rollups are built from the facts by the summary's own CTEs (period-facts.sql.ts, asOf and filters null), so a
 * month's rollup holds what the summary would compute from its facts: the same placement by business date, the same
 * merges, stopped allocations, cancelled and amended pledges, campaigns and current versions of the children.
 */

/** Bits 4096 wide: one row per 4,096 beneficiary numbers, 512 bytes, stored inline (below TOAST's threshold). */
export const BLOCK_BITS = 4096;

/**
 * Gives every beneficiary a month of `$2`…`$3` reached (each delivery's beneficiary and every merge's survivor, so
 * `who` always has one) a dense number in the generation, the next free ones: the bitmaps' positions.
 */
export const NUMBER_BENEFICIARIES_SQL = `
  INSERT INTO summary_beneficiary_numbers (generation, beneficiary_id, n)
  SELECT $1, w.id, (SELECT coalesce(max(n), -1) FROM summary_beneficiary_numbers WHERE generation = $1) + row_number() OVER (ORDER BY w.id)
    FROM (SELECT beneficiary_id AS id FROM delivered_lots WHERE generation = $1 AND delivered_on BETWEEN $2 AND $3
          UNION SELECT into_id FROM beneficiary_merges WHERE generation = $1) w
   WHERE NOT EXISTS (SELECT 1 FROM summary_beneficiary_numbers x WHERE x.generation = $1 AND x.beneficiary_id = w.id)`;

const SUMS = `sum(quantity) AS quantity, coalesce(sum(quantity * unit_value_vnd), 0) AS valued_vnd,
  coalesce(sum(quantity) FILTER (WHERE unit_value_vnd IS NULL), 0) AS unvalued_quantity`;

/** Where a build writes: the month rollups, or a summary's temporary rollups of its partial months (edges). */
export interface RollupTables {
  sums: string;
  reach: string;
  /** Records the months as built (`summary_months`): not for edges, which are a part of a month. */
  recordBuilt: boolean;
}

export const MONTH_ROLLUPS: RollupTables = { sums: 'summary_month_sums', reach: 'summary_month_reach', recordBuilt: true };
export const EDGE_ROLLUPS: RollupTables = { sums: 'summary_edge_sums', reach: 'summary_edge_reach', recordBuilt: false };

/** The temporary edge tables, the month tables' shape, gone at the end of the summary's transaction. */
export const CREATE_EDGE_ROLLUPS_SQL = `
  CREATE TEMPORARY TABLE summary_edge_sums (LIKE summary_month_sums) ON COMMIT DROP;
  CREATE TEMPORARY TABLE summary_edge_reach (LIKE summary_month_reach) ON COMMIT DROP`;

/**
 * Builds the rollups of the months `$8` from their facts of `$2`…`$3` in one pass (a whole month, or the part of one a
 * summary's period covers: an edge). Sums keep item codes (a
 * category, unit and catalogue value are read at query time, so an item registered later moves them as it moves the
 * facts) and split the value: what the facts carried, and the quantity the catalogue prices. Reach rows: per month,
 * kind, breakdown row and block, the bitmap of the numbers reached; a child's commune, sex, circumstances and age
 * band are their current version's (the age in that month: the summary ages a child on the month of its first delivery of
 * the period). A circumstance listed twice is counted twice, as the summary's unnest does: its repeat is `key#<position>`.
 */
export const BUILD_MONTHS_SQL = (into: RollupTables): string => `${PERIOD_FACT_KINDS},
  dims AS (
    SELECT beneficiary_id, commune_code, sex, birth_month, circumstances FROM beneficiary_versions
     WHERE generation = $1 AND occurred_at <= ${AS_OF} AND (superseded_at IS NULL OR superseded_at > ${AS_OF})
  ), delivered_to AS MATERIALIZED (
    -- With the number of who: looked up once per delivered line, not once per breakdown row.
    SELECT date_trunc('month', d.day)::date AS month, d.who, n.n, d.kind, d.item_code, d.campaign_id, d.district_code, d.quantity, d.unit_value_vnd
      FROM delivered d JOIN summary_beneficiary_numbers n ON n.generation = $1 AND n.beneficiary_id = d.who
     WHERE date_trunc('month', d.day)::date = ANY($8::date[])
  ), other_facts AS (
    SELECT date_trunc('month', day)::date AS month, fact, item_code, campaign_id, quantity, unit_value_vnd FROM (
      SELECT 'pledged' AS fact, day, campaign_id, item_code, quantity, unit_value_vnd FROM pledged
      UNION ALL SELECT 'received', day, campaign_id, item_code, quantity, unit_value_vnd FROM received
      UNION ALL SELECT 'allocated', day, campaign_id, item_code, quantity, NULL FROM allocated
      UNION ALL SELECT 'returned', day, campaign_id, item_code, quantity, unit_value_vnd FROM returned) u
     WHERE date_trunc('month', day)::date = ANY($8::date[])
  ), children AS MATERIALIZED (
    SELECT r.month, r.who, r.n, d.commune_code, d.sex, d.birth_month, coalesce(d.circumstances, '{}') AS circumstances
      FROM (SELECT DISTINCT month, who, n FROM delivered_to WHERE kind = 'child') r LEFT JOIN dims d ON d.beneficiary_id = r.who
  ), sums AS (
    SELECT month, fact, item_code, campaign_id, NULL::text AS district_code, NULL::text AS commune_code, ${SUMS}
      FROM other_facts GROUP BY month, fact, item_code, campaign_id
    UNION ALL
    SELECT month, 'delivered', item_code, campaign_id, district_code, NULL, ${SUMS} FROM delivered_to GROUP BY month, item_code, campaign_id, district_code
    UNION ALL
    -- byCommune's quantities follow the child's current commune.
    SELECT t.month, 'delivered_to_child', t.item_code, NULL, NULL, coalesce(c.commune_code, 'unknown'), ${SUMS}
      FROM delivered_to t JOIN children c ON c.month = t.month AND c.who = t.who WHERE t.kind = 'child'
     GROUP BY t.month, t.item_code, coalesce(c.commune_code, 'unknown')
  ), members AS (
    -- Not distinct: setting a bit twice sets it once.
    SELECT month, kind, 'all' AS dim, '' AS key, n FROM delivered_to
    UNION ALL SELECT month, kind, 'item', item_code, n FROM delivered_to
    UNION ALL SELECT month, kind, 'district', district_code, n FROM delivered_to
    UNION ALL SELECT month, kind, 'campaign', campaign_id::text, n FROM delivered_to WHERE campaign_id IS NOT NULL
    UNION ALL SELECT month, 'child', 'commune', coalesce(commune_code, 'unknown'), n FROM children
    UNION ALL SELECT month, 'child', 'sex', coalesce(sex, 'unknown'), n FROM children
    UNION ALL SELECT month, 'child', 'circumstance', c || CASE WHEN i > array_position(circumstances, c) THEN '#' || i ELSE '' END, n
                FROM children, unnest(circumstances) WITH ORDINALITY AS u(c, i)
    UNION ALL SELECT month, 'child', 'age', ${AGE_BAND(`CASE WHEN birth_month IS NULL THEN NULL ELSE ${AGE('month')} END`)}, n FROM children
  ), reach AS (
    SELECT month, kind, dim, key, n >> 12 AS block, summary_bits(n & ${BLOCK_BITS - 1}, 1) AS bits FROM members GROUP BY month, kind, dim, key, n >> 12
  ), written_reach AS (
    INSERT INTO ${into.reach} (generation, month, kind, dim, key, block, bits) SELECT $1, * FROM reach RETURNING 1
  ), written_sums AS (
    INSERT INTO ${into.sums} (generation, month, fact, item_code, campaign_id, district_code, commune_code, quantity, valued_vnd, unvalued_quantity)
    SELECT $1, * FROM sums RETURNING 1
  ), built AS (
    INSERT INTO summary_months (generation, month) SELECT $1, unnest($8::date[]) WHERE ${into.recordBuilt} RETURNING 1
  )
  SELECT (SELECT count(*) FROM written_reach)::int AS reach_rows, (SELECT count(*) FROM written_sums)::int AS sum_rows,
         (SELECT count(*) FROM built)::int AS months`;

/**
 * Takes the chunks' changes recorded so far (in this statement's snapshot: a change committed later stays for the next
 * summary), marks the built months they touch stale (their `summary_months` rows deleted) and answers the months the
 * changes named. Keys become months here, by the facts and the rollups as this snapshot has them: an allocation's request,
 * deliveries and returns; a pledge's head and receipts; a beneficiary's months reached. Only built months need it.
 */
export const TAKE_CHANGES_SQL = `
  WITH changes AS (
    DELETE FROM summary_changes WHERE generation = $1 RETURNING months, every_month, allocation_ids, pledge_ids, beneficiary_ids
  ), built AS (
    SELECT month FROM summary_months WHERE generation = $1
  ), allocations AS (
    SELECT DISTINCT unnest(allocation_ids) AS id FROM changes WHERE EXISTS (SELECT 1 FROM built)
  ), pledges AS (
    SELECT DISTINCT unnest(pledge_ids) AS id FROM changes WHERE EXISTS (SELECT 1 FROM built)
  ), beneficiaries AS (
    SELECT DISTINCT unnest(beneficiary_ids) AS id FROM changes WHERE EXISTS (SELECT 1 FROM built)
  ), named AS (
    SELECT DISTINCT unnest(months) AS month FROM changes
  ), stale AS (
    SELECT month FROM named
    UNION SELECT month FROM built WHERE EXISTS (SELECT 1 FROM changes WHERE every_month)
    UNION SELECT date_trunc('month', allocated_on)::date FROM requested_lines
           WHERE generation = $1 AND allocation_id = ANY(ARRAY(SELECT id FROM allocations))
    UNION SELECT date_trunc('month', delivered_on)::date FROM delivered_lots
           WHERE generation = $1 AND allocation_id = ANY(ARRAY(SELECT id FROM allocations))
    UNION SELECT date_trunc('month', returned_on)::date FROM gift_returns
           WHERE generation = $1 AND allocation_id = ANY(ARRAY(SELECT id FROM allocations))
    UNION SELECT date_trunc('month', pledged_on)::date FROM pledge_lines WHERE generation = $1 AND pledge_id = ANY(ARRAY(SELECT id FROM pledges))
    UNION SELECT date_trunc('month', received_on)::date FROM receipt_lots WHERE generation = $1 AND pledge_id = ANY(ARRAY(SELECT id FROM pledges))
    UNION SELECT r.month FROM summary_beneficiary_numbers n
            JOIN summary_month_reach r ON r.generation = $1 AND r.dim = 'all' AND r.block = n.n >> 12 AND get_bit(r.bits, n.n & ${BLOCK_BITS - 1}) = 1
           WHERE n.generation = $1 AND n.beneficiary_id = ANY(ARRAY(SELECT id FROM beneficiaries))
  ), unbuilt AS (
    DELETE FROM summary_months WHERE generation = $1 AND month IN (SELECT month FROM stale) RETURNING month
  )
  SELECT (SELECT coalesce(array_agg(to_char(month, 'YYYY-MM-DD') ORDER BY month), '{}') FROM named) AS named,
         (SELECT count(*) FROM unbuilt)::int AS unbuilt`;
