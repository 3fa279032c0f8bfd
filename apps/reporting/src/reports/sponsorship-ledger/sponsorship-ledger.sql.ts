const AS_OF = `coalesce($3::timestamptz, 'infinity'::timestamptz)`;
const MONTH_NO = (month: string) => `(split_part(${month}, '-', 1)::int * 12 + split_part(${month}, '-', 2)::int)`;

/**
 * Sponsorships in a month ($1 generation, $2 month YYYY-MM, $3 asOf or null): what was due that month, what was
 * paid for it, and the arrears — every month due from the start to this one, less every instalment paid for them.
 * Listed: sponsorships with a month due now, and earlier ones still in arrears.
 */
export const SPONSORSHIP_LEDGER_SQL = `
  WITH spons AS (
    SELECT s.*, least(s.end_month, coalesce((SELECT min(x.last_month) FROM sponsorship_stops x
                                               WHERE x.generation = $1 AND x.sponsorship_id = s.sponsorship_id AND x.occurred_at <= ${AS_OF}), s.end_month)) AS last_due,
           (SELECT x.kind FROM sponsorship_stops x WHERE x.generation = $1 AND x.sponsorship_id = s.sponsorship_id AND x.occurred_at <= ${AS_OF}
             ORDER BY x.last_month LIMIT 1) AS stopped
      FROM sponsorships s WHERE s.generation = $1 AND s.occurred_at <= ${AS_OF} AND s.start_month <= $2
  ), paid AS (
    SELECT sponsorship_id, coalesce(sum(amount_vnd) FILTER (WHERE month = $2), 0) AS paid_now, coalesce(sum(amount_vnd), 0) AS paid_to_date
      FROM sponsorship_instalments WHERE generation = $1 AND month <= $2 AND occurred_at <= ${AS_OF} GROUP BY sponsorship_id
  ), ledger AS (
    SELECT s.sponsorship_id AS "sponsorshipId", s.beneficiary_id AS "beneficiaryId", s.donor_id AS "donorId", s.district_code AS "districtCode",
           s.campaign_id AS "campaignId", s.monthly_amount_vnd AS "monthlyAmountVnd", s.start_month AS "startMonth", s.last_due AS "lastMonth",
           CASE WHEN $2 <= s.last_due THEN 'active' ELSE coalesce(s.stopped, 'ended') END AS status,
           CASE WHEN $2 BETWEEN s.start_month AND s.last_due THEN s.monthly_amount_vnd ELSE 0 END AS "dueVnd",
           coalesce(p.paid_now, 0) AS "paidVnd",
           greatest(0, greatest(0, least(${MONTH_NO('s.last_due')}, ${MONTH_NO('$2')}) - ${MONTH_NO('s.start_month')} + 1) * s.monthly_amount_vnd
                       - coalesce(p.paid_to_date, 0)) AS "arrearsVnd"
      FROM spons s LEFT JOIN paid p ON p.sponsorship_id = s.sponsorship_id
  )
  SELECT coalesce(json_agg(l ORDER BY l."sponsorshipId"), '[]') AS sponsorships FROM ledger l
   WHERE l."dueVnd" > 0 OR l."paidVnd" > 0 OR l."arrearsVnd" > 0`;
