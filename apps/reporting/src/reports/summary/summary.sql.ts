import { AS_OF, FIGURES, PERIOD_FACTS, REACH } from '../period-facts.sql';

/** Age in whole years on `day` of a child born in `birth_month` (YYYY-MM). */
const AGE = (day: string) =>
  `((extract(year FROM ${day})::int * 12 + extract(month FROM ${day})::int
     - (split_part(birth_month, '-', 1)::int * 12 + split_part(birth_month, '-', 2)::int)) / 12)`;

/**
 * Every breakdown of GET /reports/summary in one statement (one snapshot). Children are counted once per row and
 * once in the totals; a child's circumstances, sex and age band are their version as of asOf, age on their first
 * delivery of the period; the commune is the child's.
 */
export const SUMMARY_SQL = `${PERIOD_FACTS},
  dims AS (
    SELECT beneficiary_id, commune_code, sex, birth_month, circumstances FROM beneficiary_versions
     WHERE generation = $1 AND occurred_at <= ${AS_OF} AND (superseded_at IS NULL OR superseded_at > ${AS_OF})
  ), children AS (
    SELECT c.who, c.first_day, d.commune_code, d.sex, d.birth_month, coalesce(d.circumstances, '{}') AS circumstances
      FROM (SELECT who, min(day) AS first_day FROM categorised WHERE fact = 'delivered' AND kind = 'child' GROUP BY who) c
      LEFT JOIN dims d ON d.beneficiary_id = c.who
  ), spons AS (
    SELECT s.sponsorship_id, s.beneficiary_id, s.monthly_amount_vnd, s.start_month,
           least(s.end_month, coalesce((SELECT min(x.last_month) FROM sponsorship_stops x
                                          WHERE x.generation = $1 AND x.sponsorship_id = s.sponsorship_id AND x.occurred_at <= ${AS_OF}), s.end_month)) AS last_due
      FROM sponsorships s
     WHERE s.generation = $1 AND s.occurred_at <= ${AS_OF} AND ($5::uuid IS NULL OR s.campaign_id = $5::uuid) AND ($6::text IS NULL OR s.district_code = $6::text)
       AND ($7::uuid IS NULL OR s.donor_id = $7::uuid)
  ), active_spons AS (
    SELECT s.*, coalesce(m.root, s.beneficiary_id) AS who FROM spons s LEFT JOIN merged m ON m.id = s.beneficiary_id
     WHERE s.start_month <= to_char($3::date, 'YYYY-MM') AND s.last_due >= to_char($2::date, 'YYYY-MM') AND s.start_month <= s.last_due
  )
  SELECT
    (SELECT row_to_json(t) FROM (SELECT ${FIGURES} FROM categorised) t) AS totals,
    json_build_object(
      'active', (SELECT count(*) FROM active_spons),
      'childrenSponsored', (SELECT count(DISTINCT who) FROM active_spons),
      'instalmentsPaidVnd', (SELECT coalesce(sum(i.amount_vnd), 0) FROM sponsorship_instalments i JOIN spons s ON s.sponsorship_id = i.sponsorship_id
                              WHERE i.generation = $1 AND i.paid_on BETWEEN $2 AND $3 AND i.occurred_at <= ${AS_OF})
    ) AS sponsorships,
    (SELECT coalesce(json_agg(t ORDER BY t."monthlyAmountVnd"), '[]') FROM (
       SELECT monthly_amount_vnd AS "monthlyAmountVnd", count(*) AS active, count(DISTINCT who) AS "childrenSponsored" FROM active_spons GROUP BY 1) t
    ) AS sponsorships_by_amount,
    (SELECT coalesce(json_agg(t ORDER BY t.category, t.unit), '[]') FROM (
       SELECT category, unit, bool_and(NOT stocked) AS service, ${FIGURES} FROM categorised GROUP BY category, unit) t
    ) AS by_category,
    (SELECT coalesce(json_agg(t ORDER BY t."districtCode"), '[]') FROM (
       SELECT district_code AS "districtCode", ${REACH} FROM categorised WHERE fact = 'delivered' GROUP BY district_code) t
    ) AS by_district,
    (SELECT coalesce(json_agg(t ORDER BY t."communeCode"), '[]') FROM (
       SELECT coalesce(c.commune_code, 'unknown') AS "communeCode", ${REACH}
         FROM categorised f LEFT JOIN (SELECT who AS child, commune_code FROM children) c ON c.child = f.who
        WHERE f.fact = 'delivered' AND f.kind = 'child' GROUP BY 1) t
    ) AS by_commune,
    (SELECT coalesce(json_agg(t ORDER BY t."campaignId"), '[]') FROM (
       SELECT f.campaign_id AS "campaignId", c.campaign_name AS name, coalesce(c.campaign_kind, 'other') AS kind,
              coalesce(sum(quantity) FILTER (WHERE fact = 'pledged'), 0) AS "pledgedQty",
              coalesce(sum(quantity) FILTER (WHERE fact = 'allocated'), 0) AS "allocatedQty", ${REACH}
         FROM categorised f
         LEFT JOIN (SELECT campaign_id AS cid, name AS campaign_name, kind AS campaign_kind FROM campaigns WHERE generation = $1) c ON c.cid = f.campaign_id
        WHERE f.campaign_id IS NOT NULL GROUP BY f.campaign_id, c.campaign_name, c.campaign_kind) t
    ) AS by_campaign,
    (SELECT coalesce(json_agg(t ORDER BY t.circumstance), '[]') FROM (
       SELECT circumstance, count(*) AS "childrenReached" FROM children, unnest(circumstances) AS circumstance GROUP BY 1) t
    ) AS by_circumstance,
    (SELECT coalesce(json_agg(t ORDER BY t.sex), '[]') FROM (
       SELECT coalesce(sex, 'unknown') AS sex, count(*) AS "childrenReached" FROM children GROUP BY 1) t
    ) AS by_sex,
    (SELECT coalesce(json_agg(json_build_object('band', t.band, 'childrenReached', t.n) ORDER BY t.ord), '[]') FROM (
       SELECT band, min(ord) AS ord, count(*) AS n FROM (
         SELECT CASE WHEN birth_month IS NULL THEN 'unknown' WHEN age <= 5 THEN '0-5' WHEN age <= 10 THEN '6-10' WHEN age <= 15 THEN '11-15'
                     WHEN age <= 17 THEN '16-17' ELSE '18+' END AS band,
                CASE WHEN birth_month IS NULL THEN 9 WHEN age <= 5 THEN 1 WHEN age <= 10 THEN 2 WHEN age <= 15 THEN 3 WHEN age <= 17 THEN 4 ELSE 5 END AS ord
           FROM (SELECT birth_month, CASE WHEN birth_month IS NULL THEN NULL ELSE ${AGE('first_day')} END AS age FROM children) a) b
       GROUP BY band) t
    ) AS by_age_band`;
