import { UNCATEGORISED } from './report-conventions';

/**
 * The facts of a period as one set of CTEs, shared by the summary, the monthly report and donor statements, so
 * every report counts the same way. Parameters, always in these positions:
 *   $1 generation · $2 from (date, inclusive) · $3 to (date, inclusive) · $4 asOf (timestamptz or null: the latest)
 *   $5 campaignId (or null) · $6 districtCode (or null) · $7 donorId (or null)
 *
 * - Each fact is placed by its business date in Asia/Ho_Chi_Minh (pledged_on, received_on, allocated_on,
 *   delivered_on, returned_on — each the event's own date, or its occurredAt's day when it carried none).
 * - With asOf, only facts whose envelope occurredAt is at or before it count (and merges, cancellations,
 *   amendments recorded by then), so a report printed then can be printed again, the same, later.
 * - A merged-away child counts as the child it was merged into (`who`): childrenReached counts each child once.
 * - Pledges and receipts have no district: with a districtCode they are left out.
 */
export const AS_OF = `coalesce($4::timestamptz, 'infinity'::timestamptz)`;

/**
 * CTEs `merge_chain` and `merged (id, root)`: every merged-away beneficiary and the one it now is (merges recorded
 * by `asOf`, followed through chains). Goes right after `WITH RECURSIVE`; generation is $1.
 */
export const MERGED = (asOf: string) => `merge_chain AS (
    SELECT beneficiary_id AS id, into_id AS root, 1 AS depth FROM beneficiary_merges WHERE generation = $1 AND occurred_at <= ${asOf}
    UNION ALL
    SELECT c.id, m.into_id, c.depth + 1 FROM merge_chain c
      JOIN beneficiary_merges m ON m.generation = $1 AND m.beneficiary_id = c.root AND m.occurred_at <= ${asOf}
     WHERE c.depth < 16
  ), merged AS (
    SELECT DISTINCT ON (id) id, root FROM merge_chain ORDER BY id, depth DESC
  )`;

const CAMPAIGN = (column: string) => `($5::uuid IS NULL OR ${column} = $5::uuid)`;
const DISTRICT = (column: string) => `($6::text IS NULL OR ${column} = $6::text)`;
const DONOR = (column: string) => `($7::uuid IS NULL OR ${column} = $7::uuid)`;

/**
 * The period's facts one CTE per kind (`pledged`, `received`, `allocated`, `delivered`, `returned`), for a report that
 * reads them apart: PostgreSQL inlines a CTE referenced once, and materializes (copies) one referenced twice.
 */
export const PERIOD_FACT_KINDS = `
  WITH RECURSIVE ${MERGED(AS_OF)}, stopped AS (
    SELECT DISTINCT allocation_id FROM allocation_outcomes WHERE generation = $1 AND occurred_at <= ${AS_OF}
  ), pledge_heads AS (
    -- A cancelled pledge no longer stands: it is not counted as pledged, in its month or any other.
    SELECT h.pledge_id, h.donor_id, h.campaign_id, h.pledged_on FROM pledge_lines h
     WHERE h.generation = $1 AND h.line_no = 1 AND h.pledged_on BETWEEN $2 AND $3 AND h.occurred_at <= ${AS_OF}
       AND $6::text IS NULL AND ${CAMPAIGN('h.campaign_id')} AND ${DONOR('h.donor_id')}
       AND NOT EXISTS (SELECT 1 FROM pledge_cancellations x WHERE x.generation = $1 AND x.pledge_id = h.pledge_id AND x.occurred_at <= ${AS_OF})
  ), amended AS (
    -- The pledge's latest amendment recorded by asOf replaces its lines.
    SELECT DISTINCT ON (a.pledge_id) a.pledge_id, a.event_id FROM pledge_amendments a JOIN pledge_heads h ON h.pledge_id = a.pledge_id
     WHERE a.generation = $1 AND a.occurred_at <= ${AS_OF} ORDER BY a.pledge_id, a.occurred_at DESC, a.event_id
  ), pledged AS (
    SELECT h.pledge_id, h.campaign_id, h.pledged_on AS day, l.item_code, l.quantity, l.unit_value_vnd
      FROM pledge_heads h JOIN pledge_lines l ON l.generation = $1 AND l.pledge_id = h.pledge_id
     WHERE NOT EXISTS (SELECT 1 FROM amended a WHERE a.pledge_id = h.pledge_id)
    UNION ALL
    SELECT h.pledge_id, h.campaign_id, h.pledged_on, l.item_code, l.quantity, l.unit_value_vnd
      FROM pledge_heads h JOIN amended a ON a.pledge_id = h.pledge_id JOIN pledge_amendments l ON l.generation = $1 AND l.event_id = a.event_id
  ), received AS (
    SELECT r.pledge_id, coalesce(r.campaign_id, h.campaign_id) AS campaign_id, r.received_on AS day, r.item_code, r.quantity, r.unit_value_vnd
      FROM receipt_lots r LEFT JOIN pledge_lines h ON h.generation = $1 AND h.pledge_id = r.pledge_id AND h.line_no = 1
     WHERE r.generation = $1 AND r.received_on BETWEEN $2 AND $3 AND r.occurred_at <= ${AS_OF} AND $6::text IS NULL
       AND ${CAMPAIGN('coalesce(r.campaign_id, h.campaign_id)')} AND ${DONOR('coalesce(r.donor_id, h.donor_id)')}
  ), allocated AS (
    -- Allocated: requested and neither rejected nor cancelled (by asOf).
    SELECT q.campaign_id, q.allocated_on AS day, q.item_code, q.quantity, q.district_code, coalesce(m.root, q.beneficiary_id) AS who, q.beneficiary_kind AS kind
      FROM requested_lines q LEFT JOIN merged m ON m.id = q.beneficiary_id
     WHERE q.generation = $1 AND q.allocated_on BETWEEN $2 AND $3 AND q.occurred_at <= ${AS_OF} AND $7::uuid IS NULL
       AND ${CAMPAIGN('q.campaign_id')} AND ${DISTRICT('q.district_code')}
       AND NOT EXISTS (SELECT 1 FROM stopped s WHERE s.allocation_id = q.allocation_id)
  ), delivered AS (
    -- campaign_id: the allocation's (its first request's), linked by the projections (deliveries.projection.ts).
    SELECT d.pledge_id, d.campaign_id, d.delivered_on AS day, d.item_code, d.quantity, d.unit_value_vnd, d.district_code,
           coalesce(m.root, d.beneficiary_id) AS who, d.beneficiary_kind AS kind
      FROM delivered_lots d
      LEFT JOIN merged m ON m.id = d.beneficiary_id
     WHERE d.generation = $1 AND d.delivered_on BETWEEN $2 AND $3 AND d.occurred_at <= ${AS_OF}
       AND ${CAMPAIGN('d.campaign_id')} AND ${DISTRICT('d.district_code')}
       AND ($7::uuid IS NULL OR EXISTS (
             SELECT 1 FROM pledge_lines h WHERE h.generation = $1 AND h.pledge_id = d.pledge_id AND h.line_no = 1 AND h.donor_id = $7::uuid
             UNION ALL
             SELECT 1 FROM receipt_lots r WHERE r.generation = $1 AND r.lot_id = d.lot_id AND r.donor_id = $7::uuid))
  ), returned AS (
    SELECT a.campaign_id, g.returned_on AS day, g.item_code, g.quantity, g.unit_value_vnd, a.district_code,
           coalesce(m.root, g.beneficiary_id) AS who, a.beneficiary_kind AS kind
      FROM gift_returns g
      -- The returned allocations' requests by key (nested loops are off for period reports: a join would hash them all).
      LEFT JOIN (SELECT allocation_id, campaign_id, district_code, beneficiary_kind FROM requested_lines
                  WHERE generation = $1 AND line_no = 1 AND allocation_id = ANY(ARRAY(
                    SELECT allocation_id FROM gift_returns WHERE generation = $1 AND returned_on BETWEEN $2 AND $3))) a
        ON a.allocation_id = g.allocation_id
      LEFT JOIN merged m ON m.id = g.beneficiary_id
     WHERE g.generation = $1 AND g.returned_on BETWEEN $2 AND $3 AND g.occurred_at <= ${AS_OF} AND $7::uuid IS NULL
       AND ${CAMPAIGN('a.campaign_id')} AND ${DISTRICT('a.district_code')}
  )`;

/** The period's facts as one categorised set (`categorised`), for reports that sum them together. */
export const PERIOD_FACTS = `${PERIOD_FACT_KINDS}, facts AS (
    SELECT 'pledged' AS fact, pledge_id, campaign_id, day, item_code, quantity, unit_value_vnd, NULL::text AS district_code, NULL::uuid AS who, NULL::text AS kind FROM pledged
    UNION ALL SELECT 'received', pledge_id, campaign_id, day, item_code, quantity, unit_value_vnd, NULL, NULL, NULL FROM received
    UNION ALL SELECT 'allocated', NULL, campaign_id, day, item_code, quantity, NULL, district_code, who, kind FROM allocated
    UNION ALL SELECT 'delivered', pledge_id, campaign_id, day, item_code, quantity, unit_value_vnd, district_code, who, kind FROM delivered
    UNION ALL SELECT 'returned', NULL, campaign_id, day, item_code, quantity, unit_value_vnd, district_code, who, kind FROM returned
  ), categorised AS MATERIALIZED (
    -- A pledge line without a value is worth the catalogue's unit value; a lot carries its own.
    SELECT f.*, coalesce(c.category, '${UNCATEGORISED}') AS category, coalesce(c.unit, '') AS unit,
           coalesce(f.unit_value_vnd, c.unit_value_vnd, 0) AS unit_value, coalesce(c.stocked, true) AS stocked
      FROM facts f LEFT JOIN catalogue_items c ON c.generation = $1 AND c.item_code = f.item_code
  )`;

/** The figures of a set of categorised facts (sums are bigint/numeric: JSON numbers, never cast to int). */
export const FIGURES = `
  coalesce(sum(quantity) FILTER (WHERE fact = 'pledged'), 0) AS "pledgedQty",
  coalesce(sum(quantity * unit_value) FILTER (WHERE fact = 'pledged'), 0) AS "pledgedValueVnd",
  coalesce(sum(quantity) FILTER (WHERE fact = 'received'), 0) AS "receivedQty",
  coalesce(sum(quantity * unit_value) FILTER (WHERE fact = 'received'), 0) AS "receivedValueVnd",
  coalesce(sum(quantity) FILTER (WHERE fact = 'allocated'), 0) AS "allocatedQty",
  coalesce(sum(quantity) FILTER (WHERE fact = 'delivered'), 0) AS "deliveredQty",
  coalesce(sum(quantity * unit_value) FILTER (WHERE fact = 'delivered'), 0) AS "deliveredValueVnd",
  coalesce(sum(quantity) FILTER (WHERE fact = 'returned'), 0) AS "returnedQty",
  ${REACH_COUNTS()}`;

export function REACH_COUNTS(): string {
  return `count(DISTINCT who) FILTER (WHERE fact = 'delivered' AND kind = 'child') AS "childrenReached",
  count(DISTINCT who) FILTER (WHERE fact = 'delivered' AND kind = 'institution') AS "institutionsReached"`;
}

/** What byDistrict, byCommune and byCampaign rows carry. */
export const REACH = `
  coalesce(sum(quantity) FILTER (WHERE fact = 'delivered'), 0) AS "deliveredQty",
  coalesce(sum(quantity * unit_value) FILTER (WHERE fact = 'delivered'), 0) AS "deliveredValueVnd",
  ${REACH_COUNTS()}`;
