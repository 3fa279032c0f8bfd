import { MERGED } from '../period-facts.sql';
import { UNCATEGORISED } from '../report-conventions';

const AS_OF = `coalesce($3::timestamptz, 'infinity'::timestamptz)`;

const UNITS = `
  coalesce(sum(quantity) FILTER (WHERE fact = 'requested'), 0) AS requested,
  coalesce(sum(quantity) FILTER (WHERE fact = 'committed'), 0) AS committed,
  coalesce(sum(quantity) FILTER (WHERE fact = 'dispatched'), 0) AS dispatched,
  coalesce(sum(quantity) FILTER (WHERE fact = 'delivered'), 0) AS delivered`;

const REACHED = `
  coalesce(sum(value_vnd) FILTER (WHERE fact = 'delivered'), 0) AS "deliveredValueVnd",
  count(DISTINCT who) FILTER (WHERE fact = 'delivered' AND kind = 'child') AS "childrenReached",
  count(DISTINCT who) FILTER (WHERE fact = 'delivered' AND kind = 'institution') AS "institutionsReached"`;

/**
 * One campaign over its whole life ($1 generation, $2 campaignId, $3 asOf or null), in units per category and
 * district: requested (allocated, not rejected or cancelled), committed (confirmed: stock held, or a service),
 * dispatched, delivered; and who was reached.
 */
export const CAMPAIGN_REPORT_SQL = `
  WITH RECURSIVE ${MERGED(AS_OF)},
  stopped AS (
    SELECT DISTINCT allocation_id FROM allocation_outcomes WHERE generation = $1 AND occurred_at <= ${AS_OF}
  ), allocs AS (
    SELECT q.allocation_id, q.item_code, q.quantity, q.district_code FROM requested_lines q
     WHERE q.generation = $1 AND q.campaign_id = $2 AND q.occurred_at <= ${AS_OF}
       AND NOT EXISTS (SELECT 1 FROM stopped s WHERE s.allocation_id = q.allocation_id)
  ), facts AS (
    SELECT 'requested' AS fact, item_code, district_code, quantity, NULL::uuid AS who, NULL::text AS kind, 0::bigint AS value_vnd FROM allocs
    UNION ALL
    SELECT 'committed', a.item_code, a.district_code, a.quantity, NULL, NULL, 0 FROM allocs a
     WHERE EXISTS (SELECT 1 FROM allocation_lines c WHERE c.generation = $1 AND c.allocation_id = a.allocation_id AND c.occurred_at <= ${AS_OF})
    UNION ALL
    SELECT 'dispatched', a.item_code, a.district_code, a.quantity, NULL, NULL, 0 FROM allocs a
     WHERE EXISTS (SELECT 1 FROM dispatches x WHERE x.generation = $1 AND x.allocation_id = a.allocation_id AND x.occurred_at <= ${AS_OF})
    UNION ALL
    SELECT 'delivered', d.item_code, d.district_code, d.quantity, coalesce(m.root, d.beneficiary_id), d.beneficiary_kind, d.quantity * d.unit_value_vnd
      FROM delivered_lots d
      LEFT JOIN merged m ON m.id = d.beneficiary_id
     WHERE d.generation = $1 AND d.occurred_at <= ${AS_OF}
       AND d.allocation_id IN (SELECT allocation_id FROM requested_lines WHERE generation = $1 AND campaign_id = $2)
  ), categorised AS MATERIALIZED (
    SELECT f.*, coalesce(c.category, '${UNCATEGORISED}') AS category, coalesce(c.unit, '') AS unit
      FROM facts f LEFT JOIN catalogue_items c ON c.generation = $1 AND c.item_code = f.item_code
  )
  SELECT
    (SELECT row_to_json(c) FROM (
       SELECT campaign_id AS "campaignId", name, kind, starts_on AS "startsOn", ends_on AS "endsOn", district_codes AS "districtCodes", targets,
              (SELECT to_json(closed_at) #>> '{}' FROM campaign_closures x WHERE x.generation = $1 AND x.campaign_id = $2 AND x.occurred_at <= ${AS_OF}) AS "closedAt"
         FROM campaigns WHERE generation = $1 AND campaign_id = $2 AND occurred_at <= ${AS_OF}) c) AS campaign,
    (SELECT count(*) FROM categorised) AS facts,
    (SELECT coalesce(json_agg(t ORDER BY t.category, t.unit), '[]') FROM (
       SELECT category, unit, ${UNITS} FROM categorised GROUP BY category, unit) t) AS by_category,
    (SELECT coalesce(json_agg(t ORDER BY t."districtCode"), '[]') FROM (
       SELECT district_code AS "districtCode", ${UNITS}, ${REACHED} FROM categorised GROUP BY district_code) t) AS by_district,
    (SELECT row_to_json(t) FROM (SELECT ${REACHED} FROM categorised) t) AS reached`;
