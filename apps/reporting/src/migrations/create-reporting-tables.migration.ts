import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting's read models: facts copied from events, never running totals, so a figure is a query and a
 * late or re-ordered event simply adds a row. Every fact table is partitioned by `generation`: a rebuild
 * replays the topics into a fresh partition while the active one keeps answering, then swaps
 * `active_generation` and drops the old partitions (docs/backbone.md, trap 20: fresh tables and swap).
 */
export class CreateReportingTables1764500000000 implements MigrationInterface {
  name = 'CreateReportingTables1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projection_generations (
        generation integer PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('rebuilding', 'done')),
        -- the offsets a rebuild must reach: [{ topic, partition, low, high }] taken when it started
        targets jsonb NOT NULL DEFAULT '[]',
        started_at timestamptz NOT NULL DEFAULT now(),
        -- null until its consumer first ran; before that, a group of the same name (left by an earlier database) is deleted
        consuming_since timestamptz,
        finished_at timestamptz,
        retired_at timestamptz,
        dropped_at timestamptz
      )`);
    // At most one rebuild at a time, whoever asks.
    await q.query(`CREATE UNIQUE INDEX projection_generations_one_rebuild ON projection_generations ((true)) WHERE status = 'rebuilding'`);
    await q.query(`
      CREATE TABLE active_generation (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        generation integer NOT NULL REFERENCES projection_generations (generation)
      )`);
    // Generation 1 is built live from offset 0 by the first boot.
    await q.query(`INSERT INTO projection_generations (generation, status, finished_at) VALUES (1, 'done', now())`);
    await q.query('INSERT INTO active_generation (generation) VALUES (1)');

    await q.query(`
      CREATE TABLE catalogue_items (
        generation integer NOT NULL,
        item_code text NOT NULL,
        category text NOT NULL,
        unit_value_vnd bigint NOT NULL,
        registered_at timestamptz NOT NULL,
        PRIMARY KEY (generation, item_code)
      ) PARTITION BY LIST (generation)`);
    await q.query(`
      CREATE TABLE pledge_lines (
        generation integer NOT NULL,
        pledge_id uuid NOT NULL,
        line_no integer NOT NULL,
        item_code text NOT NULL,
        quantity integer NOT NULL,
        unit_value_vnd bigint,
        occurred_at timestamptz NOT NULL,
        PRIMARY KEY (generation, pledge_id, line_no)
      ) PARTITION BY LIST (generation)`);
    await q.query(`
      CREATE TABLE receipt_lots (
        generation integer NOT NULL,
        lot_id uuid NOT NULL,
        receipt_id uuid NOT NULL,
        pledge_id uuid NOT NULL,
        item_code text NOT NULL,
        quantity integer NOT NULL,
        unit_value_vnd bigint NOT NULL,
        occurred_at timestamptz NOT NULL,
        PRIMARY KEY (generation, lot_id)
      ) PARTITION BY LIST (generation)`);
    await q.query(`
      CREATE TABLE allocation_lines (
        generation integer NOT NULL,
        allocation_id uuid NOT NULL,
        line_no integer NOT NULL,
        beneficiary_id uuid NOT NULL,
        beneficiary_kind text NOT NULL,
        district_code text NOT NULL,
        item_code text NOT NULL,
        quantity integer NOT NULL,
        occurred_at timestamptz NOT NULL,
        PRIMARY KEY (generation, allocation_id, line_no)
      ) PARTITION BY LIST (generation)`);
    // Lot lines of StockReserved, DeliveryConfirmed and StockReleased, keyed by the event that stated them.
    await q.query(`CREATE TABLE reserved_lots (${LOT_LINE_COLUMNS}, occurred_at timestamptz NOT NULL, ${LOT_LINE_KEY}) PARTITION BY LIST (generation)`);
    await q.query(`CREATE TABLE released_lots (${LOT_LINE_COLUMNS}, reason text NOT NULL, occurred_at timestamptz NOT NULL, ${LOT_LINE_KEY}) PARTITION BY LIST (generation)`);
    await q.query(`
      CREATE TABLE delivered_lots (
        ${LOT_LINE_COLUMNS},
        beneficiary_id uuid NOT NULL,
        beneficiary_kind text NOT NULL,
        district_code text NOT NULL,
        unit_value_vnd bigint NOT NULL,
        delivered_at timestamptz NOT NULL,
        ${LOT_LINE_KEY}
      ) PARTITION BY LIST (generation)`);
    // Monthly reports scan a month of facts; traces look up one pledge's.
    for (const table of ['pledge_lines', 'receipt_lots', 'allocation_lines', 'reserved_lots', 'released_lots']) {
      await q.query(`CREATE INDEX ${table}_month_idx ON ${table} (generation, occurred_at)`);
    }
    await q.query('CREATE INDEX delivered_lots_month_idx ON delivered_lots (generation, delivered_at)');
    for (const table of ['receipt_lots', 'reserved_lots', 'delivered_lots', 'released_lots']) {
      await q.query(`CREATE INDEX ${table}_pledge_idx ON ${table} (generation, pledge_id)`);
    }
    for (const table of FACT_TABLES) {
      await q.query(`CREATE TABLE ${table}_g1 PARTITION OF ${table} FOR VALUES IN (1)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...FACT_TABLES, 'active_generation', 'projection_generations']) await q.query(`DROP TABLE ${table}`);
  }
}

// Frozen here as this migration created them; the app's list lives in generations/generation-partitions.ts.
const FACT_TABLES = ['catalogue_items', 'pledge_lines', 'receipt_lots', 'allocation_lines', 'reserved_lots', 'delivered_lots', 'released_lots'];

const LOT_LINE_COLUMNS = `generation integer NOT NULL, event_id uuid NOT NULL, line_no integer NOT NULL, allocation_id uuid NOT NULL,
  lot_id uuid NOT NULL, pledge_id uuid NOT NULL, item_code text NOT NULL, quantity integer NOT NULL`;
const LOT_LINE_KEY = 'PRIMARY KEY (generation, event_id, line_no)';
