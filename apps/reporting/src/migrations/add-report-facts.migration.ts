import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facts behind the period, campaign, donor and sponsorship reports (issue #11). Every fact keeps the
 * envelope's `occurred_at` (as-of reports) and its business date in the fund's time zone (`*_on`), and is keyed
 * by the event that stated it, so a projection is idempotent by itself (`ON CONFLICT DO NOTHING`).
 *
 * Existing facts get their business date from `occurred_at`, which is what a v1 event without one means
 * (docs/events.md). The new dimensions (beneficiaries, campaigns, sponsorships, allocations requested…) are
 * only in events the active generation did not read: `POST /admin/rebuild` fills them for past events.
 */
export class AddReportFacts1764900000000 implements MigrationInterface {
  name = 'AddReportFacts1764900000000';

  async up(q: QueryRunner): Promise<void> {
    const localDate = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

    await q.query(`ALTER TABLE catalogue_items ADD COLUMN name text, ADD COLUMN unit text NOT NULL DEFAULT '', ADD COLUMN stocked boolean NOT NULL DEFAULT true`);

    await q.query('ALTER TABLE pledge_lines ADD COLUMN donor_id uuid, ADD COLUMN campaign_id uuid, ADD COLUMN pledged_on date');
    await q.query(`UPDATE pledge_lines SET pledged_on = ${localDate('occurred_at')}`);
    await q.query('ALTER TABLE pledge_lines ALTER COLUMN pledged_on SET NOT NULL');
    await q.query('CREATE INDEX pledge_lines_on_idx ON pledge_lines (generation, pledged_on)');
    await q.query('CREATE INDEX pledge_lines_donor_idx ON pledge_lines (generation, donor_id)');

    await q.query(`ALTER TABLE receipt_lots ADD COLUMN received_on date, ADD COLUMN donor_id uuid, ADD COLUMN campaign_id uuid,
      ADD COLUMN walk_in boolean NOT NULL DEFAULT false, ADD COLUMN warehouse_code text`);
    await q.query(`UPDATE receipt_lots SET received_on = ${localDate('occurred_at')}`);
    await q.query('ALTER TABLE receipt_lots ALTER COLUMN received_on SET NOT NULL');
    await q.query('CREATE INDEX receipt_lots_on_idx ON receipt_lots (generation, received_on)');

    // DeliveryConfirmed v2: services come from no lot and no pledge.
    await q.query(`ALTER TABLE delivered_lots ALTER COLUMN lot_id DROP NOT NULL, ALTER COLUMN pledge_id DROP NOT NULL,
      ADD COLUMN delivered_on date, ADD COLUMN occurred_at timestamptz, ADD COLUMN relationship text`);
    // Before this migration the event's occurredAt was not kept: the delivery's own time is the closest.
    await q.query(`UPDATE delivered_lots SET delivered_on = ${localDate('delivered_at')}, occurred_at = delivered_at`);
    await q.query('ALTER TABLE delivered_lots ALTER COLUMN delivered_on SET NOT NULL, ALTER COLUMN occurred_at SET NOT NULL');
    await q.query('CREATE INDEX delivered_lots_on_idx ON delivered_lots (generation, delivered_on)');
    await q.query('CREATE INDEX delivered_lots_allocation_idx ON delivered_lots (generation, allocation_id)');

    for (const sql of NEW_TABLES) await q.query(sql);
    for (const sql of NEW_INDEXES) await q.query(sql);

    // Only generations whose fact partitions exist (a replaced generation keeps its row but not its partitions).
    const generations: { generation: number }[] = await q.query(
      `SELECT generation FROM projection_generations WHERE to_regclass('pledge_lines_g' || generation) IS NOT NULL`,
    );
    for (const { generation } of generations) {
      for (const table of NEW_TABLE_NAMES) {
        await q.query(`CREATE TABLE ${table}_g${Number(generation)} PARTITION OF ${table} FOR VALUES IN (${Number(generation)})`);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of NEW_TABLE_NAMES) await q.query(`DROP TABLE ${table}`);
    await q.query('DROP INDEX delivered_lots_on_idx, delivered_lots_allocation_idx, receipt_lots_on_idx, pledge_lines_on_idx, pledge_lines_donor_idx');
    await q.query('ALTER TABLE delivered_lots DROP COLUMN delivered_on, DROP COLUMN occurred_at, DROP COLUMN relationship');
    await q.query('ALTER TABLE receipt_lots DROP COLUMN received_on, DROP COLUMN donor_id, DROP COLUMN campaign_id, DROP COLUMN walk_in, DROP COLUMN warehouse_code');
    await q.query('ALTER TABLE pledge_lines DROP COLUMN donor_id, DROP COLUMN campaign_id, DROP COLUMN pledged_on');
    await q.query('ALTER TABLE catalogue_items DROP COLUMN name, DROP COLUMN unit, DROP COLUMN stocked');
  }
}

// Frozen here as this migration creates them; the app's list lives in generations/generation-partitions.ts.
const NEW_TABLE_NAMES = [
  'pledge_amendments', 'pledge_closures', 'campaigns', 'campaign_closures', 'requested_lines', 'allocation_outcomes', 'dispatches',
  'delivery_failures', 'gift_returns', 'stock_adjustments', 'beneficiary_versions', 'beneficiary_merges', 'sponsorships',
  'sponsorship_stops', 'sponsorship_instalments',
];

const NEW_TABLES = [
  // PledgeAmended: the pledge's whole new set of lines; the latest one (by occurred_at) stands.
  `CREATE TABLE pledge_amendments (
     generation integer NOT NULL, event_id uuid NOT NULL, line_no integer NOT NULL, pledge_id uuid NOT NULL,
     item_code text NOT NULL, quantity integer NOT NULL, unit_value_vnd bigint, occurred_at timestamptz NOT NULL,
     PRIMARY KEY (generation, event_id, line_no)) PARTITION BY LIST (generation)`,
  `CREATE TABLE pledge_closures (
     generation integer NOT NULL, pledge_id uuid NOT NULL, reason text NOT NULL, occurred_at timestamptz NOT NULL,
     PRIMARY KEY (generation, pledge_id)) PARTITION BY LIST (generation)`,
  `CREATE TABLE campaigns (
     generation integer NOT NULL, campaign_id uuid NOT NULL, name text NOT NULL, kind text NOT NULL, starts_on date NOT NULL,
     ends_on date NOT NULL, district_codes text[] NOT NULL, targets jsonb NOT NULL, occurred_at timestamptz NOT NULL,
     PRIMARY KEY (generation, campaign_id)) PARTITION BY LIST (generation)`,
  `CREATE TABLE campaign_closures (
     generation integer NOT NULL, campaign_id uuid NOT NULL, closed_at timestamptz NOT NULL, occurred_at timestamptz NOT NULL,
     PRIMARY KEY (generation, campaign_id)) PARTITION BY LIST (generation)`,
  // AllocationRequested lines, the allocation's first request (a retry after a failed delivery asks again with a new event).
  `CREATE TABLE requested_lines (
     generation integer NOT NULL, allocation_id uuid NOT NULL, line_no integer NOT NULL, beneficiary_id uuid NOT NULL,
     beneficiary_kind text NOT NULL, district_code text NOT NULL, campaign_id uuid, plan_id uuid, item_code text NOT NULL,
     quantity integer NOT NULL, allocated_on date NOT NULL, occurred_at timestamptz NOT NULL,
     PRIMARY KEY (generation, allocation_id, line_no)) PARTITION BY LIST (generation)`,
  // AllocationRejected and AllocationCancelled: the allocation no longer counts as allocated.
  `CREATE TABLE allocation_outcomes (
     generation integer NOT NULL, event_id uuid NOT NULL, allocation_id uuid NOT NULL, outcome text NOT NULL,
     reason text NOT NULL, occurred_at timestamptz NOT NULL,
     PRIMARY KEY (generation, event_id)) PARTITION BY LIST (generation)`,
  `CREATE TABLE dispatches (
     generation integer NOT NULL, event_id uuid NOT NULL, allocation_id uuid NOT NULL, dispatched_on date NOT NULL,
     happened_at timestamptz NOT NULL, occurred_at timestamptz NOT NULL,
     PRIMARY KEY (generation, event_id)) PARTITION BY LIST (generation)`,
  `CREATE TABLE delivery_failures (
     generation integer NOT NULL, event_id uuid NOT NULL, allocation_id uuid NOT NULL, reason text NOT NULL, failed_on date NOT NULL,
     happened_at timestamptz NOT NULL, occurred_at timestamptz NOT NULL,
     PRIMARY KEY (generation, event_id)) PARTITION BY LIST (generation)`,
  `CREATE TABLE gift_returns (
     generation integer NOT NULL, event_id uuid NOT NULL, line_no integer NOT NULL, return_id uuid NOT NULL, allocation_id uuid NOT NULL,
     beneficiary_id uuid NOT NULL, item_code text NOT NULL, quantity integer NOT NULL, lot_id uuid, unit_value_vnd bigint NOT NULL,
     reason text NOT NULL, restocked boolean NOT NULL, returned_on date NOT NULL, happened_at timestamptz NOT NULL, occurred_at timestamptz NOT NULL,
     PRIMARY KEY (generation, event_id, line_no)) PARTITION BY LIST (generation)`,
  `CREATE TABLE stock_adjustments (
     generation integer NOT NULL, event_id uuid NOT NULL, adjustment_id uuid NOT NULL, warehouse_code text NOT NULL, item_code text NOT NULL,
     lot_id uuid NOT NULL, pledge_id uuid, quantity integer NOT NULL, unit_value_vnd bigint NOT NULL, reason text NOT NULL,
     adjusted_on date NOT NULL, occurred_at timestamptz NOT NULL,
     PRIMARY KEY (generation, event_id)) PARTITION BY LIST (generation)`,
  // A beneficiary's pseudonymous facts, one version per event; `superseded_at` = occurred_at of the next version.
  `CREATE TABLE beneficiary_versions (
     generation integer NOT NULL, event_id uuid NOT NULL, beneficiary_id uuid NOT NULL, kind text NOT NULL, district_code text,
     commune_code text, sex text, birth_month text, circumstances text[] NOT NULL DEFAULT '{}', institution_kind text,
     occurred_at timestamptz NOT NULL, superseded_at timestamptz,
     PRIMARY KEY (generation, event_id)) PARTITION BY LIST (generation)`,
  `CREATE TABLE beneficiary_merges (
     generation integer NOT NULL, event_id uuid NOT NULL, beneficiary_id uuid NOT NULL, into_id uuid NOT NULL, occurred_at timestamptz NOT NULL,
     PRIMARY KEY (generation, event_id)) PARTITION BY LIST (generation)`,
  `CREATE TABLE sponsorships (
     generation integer NOT NULL, sponsorship_id uuid NOT NULL, donor_id uuid NOT NULL, beneficiary_id uuid NOT NULL, district_code text NOT NULL,
     monthly_amount_vnd bigint NOT NULL, start_month text NOT NULL, end_month text NOT NULL, campaign_id uuid, occurred_at timestamptz NOT NULL,
     PRIMARY KEY (generation, sponsorship_id)) PARTITION BY LIST (generation)`,
  // SponsorshipCancelled / SponsorshipEnded: `last_month` is the last month due.
  `CREATE TABLE sponsorship_stops (
     generation integer NOT NULL, event_id uuid NOT NULL, sponsorship_id uuid NOT NULL, kind text NOT NULL, last_month text NOT NULL,
     occurred_at timestamptz NOT NULL,
     PRIMARY KEY (generation, event_id)) PARTITION BY LIST (generation)`,
  `CREATE TABLE sponsorship_instalments (
     generation integer NOT NULL, event_id uuid NOT NULL, sponsorship_id uuid NOT NULL, beneficiary_id uuid NOT NULL, donor_id uuid NOT NULL,
     month text NOT NULL, amount_vnd bigint NOT NULL, paid_on date NOT NULL, occurred_at timestamptz NOT NULL,
     PRIMARY KEY (generation, event_id)) PARTITION BY LIST (generation)`,
];

const NEW_INDEXES = [
  'CREATE INDEX pledge_amendments_pledge_idx ON pledge_amendments (generation, pledge_id)',
  'CREATE INDEX requested_lines_on_idx ON requested_lines (generation, allocated_on)',
  'CREATE INDEX allocation_outcomes_allocation_idx ON allocation_outcomes (generation, allocation_id)',
  'CREATE INDEX dispatches_allocation_idx ON dispatches (generation, allocation_id)',
  'CREATE INDEX gift_returns_on_idx ON gift_returns (generation, returned_on)',
  'CREATE INDEX beneficiary_versions_beneficiary_idx ON beneficiary_versions (generation, beneficiary_id)',
  'CREATE UNIQUE INDEX beneficiary_versions_current_idx ON beneficiary_versions (generation, beneficiary_id) WHERE superseded_at IS NULL',
  'CREATE INDEX sponsorship_instalments_month_idx ON sponsorship_instalments (generation, month)',
];
