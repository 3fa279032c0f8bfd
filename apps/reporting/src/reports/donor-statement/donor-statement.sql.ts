import { AS_OF, PERIOD_FACTS } from '../period-facts.sql';

/**
 * A donor's period ($7 donorId, $2..$3 the period): what each of their pledges promised, what arrived and what was
 * given out (their lots' deliveries), where and to how many — counts and codes only, never a child.
 */
export const DONOR_STATEMENT_SQL = `${PERIOD_FACTS}
  SELECT
    (SELECT coalesce(json_agg(t ORDER BY t."pledgeId", t.category, t.unit), '[]') FROM (
       SELECT pledge_id AS "pledgeId", category, unit,
              coalesce(sum(quantity) FILTER (WHERE fact = 'pledged'), 0) AS "pledgedQty",
              coalesce(sum(quantity * unit_value) FILTER (WHERE fact = 'pledged'), 0) AS "pledgedValueVnd",
              coalesce(sum(quantity) FILTER (WHERE fact = 'received'), 0) AS "receivedQty",
              coalesce(sum(quantity * unit_value) FILTER (WHERE fact = 'received'), 0) AS "receivedValueVnd",
              coalesce(sum(quantity) FILTER (WHERE fact = 'delivered'), 0) AS "deliveredQty",
              coalesce(sum(quantity * unit_value) FILTER (WHERE fact = 'delivered'), 0) AS "deliveredValueVnd"
         FROM categorised WHERE pledge_id IS NOT NULL GROUP BY pledge_id, category, unit) t) AS lines,
    (SELECT coalesce(json_agg(t), '[]') FROM (
       SELECT f.pledge_id AS "pledgeId", h.pledged_on AS "pledgedOn", h.campaign_id AS "campaignId",
              (SELECT to_json(x.occurred_at) #>> '{}' FROM pledge_cancellations x WHERE x.generation = $1 AND x.pledge_id = f.pledge_id AND x.occurred_at <= ${AS_OF}) AS "cancelledAt",
              (SELECT to_json(x.occurred_at) #>> '{}' FROM pledge_closures x WHERE x.generation = $1 AND x.pledge_id = f.pledge_id AND x.occurred_at <= ${AS_OF}) AS "closedAt",
              bool_or(r.walk_in) AS "walkIn",
              count(DISTINCT f.who) FILTER (WHERE f.fact = 'delivered' AND f.kind = 'child') AS "childrenReached",
              count(DISTINCT f.who) FILTER (WHERE f.fact = 'delivered' AND f.kind = 'institution') AS "institutionsReached"
         FROM categorised f
         LEFT JOIN pledge_lines h ON h.generation = $1 AND h.pledge_id = f.pledge_id AND h.line_no = 1
         LEFT JOIN receipt_lots r ON r.generation = $1 AND r.pledge_id = f.pledge_id
        WHERE f.pledge_id IS NOT NULL GROUP BY f.pledge_id, h.pledged_on, h.campaign_id) t) AS pledges,
    (SELECT coalesce(json_agg(t ORDER BY t."districtCode", t.category), '[]') FROM (
       SELECT district_code AS "districtCode", category,
              coalesce(sum(quantity), 0) AS "deliveredQty", coalesce(sum(quantity * unit_value), 0) AS "deliveredValueVnd",
              count(DISTINCT who) FILTER (WHERE kind = 'child') AS "childrenReached",
              count(DISTINCT who) FILTER (WHERE kind = 'institution') AS "institutionsReached"
         FROM categorised WHERE fact = 'delivered' GROUP BY district_code, category) t) AS by_district,
    (SELECT row_to_json(t) FROM (
       SELECT coalesce(sum(quantity) FILTER (WHERE fact = 'pledged'), 0) AS "pledgedQty",
              coalesce(sum(quantity * unit_value) FILTER (WHERE fact = 'pledged'), 0) AS "pledgedValueVnd",
              coalesce(sum(quantity) FILTER (WHERE fact = 'received'), 0) AS "receivedQty",
              coalesce(sum(quantity * unit_value) FILTER (WHERE fact = 'received'), 0) AS "receivedValueVnd",
              coalesce(sum(quantity) FILTER (WHERE fact = 'delivered'), 0) AS "deliveredQty",
              coalesce(sum(quantity * unit_value) FILTER (WHERE fact = 'delivered'), 0) AS "deliveredValueVnd",
              count(DISTINCT who) FILTER (WHERE fact = 'delivered' AND kind = 'child') AS "childrenReached",
              count(DISTINCT who) FILTER (WHERE fact = 'delivered' AND kind = 'institution') AS "institutionsReached"
         FROM categorised) t) AS totals,
    (SELECT coalesce(json_agg(t ORDER BY t."sponsorshipId"), '[]') FROM (
       SELECT s.sponsorship_id AS "sponsorshipId", s.district_code AS "districtCode", s.monthly_amount_vnd AS "monthlyAmountVnd",
              s.start_month AS "startMonth", s.end_month AS "endMonth",
              coalesce(sum(i.amount_vnd), 0) AS "paidVnd", count(i.event_id) AS instalments
         FROM sponsorships s
         JOIN sponsorship_instalments i ON i.generation = $1 AND i.sponsorship_id = s.sponsorship_id AND i.paid_on BETWEEN $2 AND $3 AND i.occurred_at <= ${AS_OF}
        WHERE s.generation = $1 AND s.donor_id = $7::uuid AND s.occurred_at <= ${AS_OF}
        GROUP BY s.sponsorship_id, s.district_code, s.monthly_amount_vnd, s.start_month, s.end_month) t) AS sponsorships`;
