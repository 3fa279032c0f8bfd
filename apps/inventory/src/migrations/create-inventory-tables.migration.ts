import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inventory's own tables. Stock lives in lots (one per receipt line, with its pledge), and the
 * `stock_lots_reserved_within_on_hand` CHECK is the last line of defence against negative stock,
 * whatever the application code does.
 */
export class CreateInventoryTables1764400000000 implements MigrationInterface {
  name = 'CreateInventoryTables1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE items (
        code text PRIMARY KEY,
        name text NOT NULL,
        category text NOT NULL,
        unit text NOT NULL,
        unit_value_vnd integer NOT NULL CHECK (unit_value_vnd >= 0),
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE warehouses (
        code text PRIMARY KEY,
        name text NOT NULL,
        district_code text NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The local copy of donors' pledges (from donors.events); donor_id is null only for a cancellation seen first.
    await q.query(`
      CREATE TABLE known_pledges (
        pledge_id uuid PRIMARY KEY,
        donor_id uuid,
        campaign_id uuid,
        status text NOT NULL CHECK (status IN ('pledged', 'cancelled')),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE known_pledge_lines (
        pledge_id uuid NOT NULL REFERENCES known_pledges (pledge_id),
        line_no integer NOT NULL,
        item_code text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_value_vnd integer CHECK (unit_value_vnd >= 0),
        PRIMARY KEY (pledge_id, line_no)
      )`);
    await q.query(`
      CREATE TABLE receipts (
        id uuid PRIMARY KEY,
        pledge_id uuid NOT NULL,
        warehouse_code text NOT NULL REFERENCES warehouses (code),
        idempotency_key text UNIQUE,
        actor text NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE stock_lots (
        id uuid PRIMARY KEY,
        item_code text NOT NULL REFERENCES items (code),
        warehouse_code text NOT NULL REFERENCES warehouses (code),
        pledge_id uuid NOT NULL,
        receipt_id uuid NOT NULL REFERENCES receipts (id),
        receipt_line integer NOT NULL,
        expires_on date,
        unit_value_vnd integer NOT NULL CHECK (unit_value_vnd >= 0),
        received_qty integer NOT NULL CHECK (received_qty > 0),
        on_hand integer NOT NULL,
        reserved integer NOT NULL DEFAULT 0,
        received_at timestamptz NOT NULL,
        CONSTRAINT stock_lots_reserved_within_on_hand CHECK (0 <= reserved AND reserved <= on_hand)
      )`);
    // Reservations look for an item's lots that still have something available.
    await q.query('CREATE INDEX stock_lots_available_idx ON stock_lots (item_code, warehouse_code) WHERE on_hand > reserved');
    await q.query('CREATE INDEX stock_lots_pledge_idx ON stock_lots (pledge_id, item_code)');
    await q.query(`
      CREATE TABLE deliveries (
        allocation_id uuid PRIMARY KEY,
        beneficiary_id uuid NOT NULL,
        beneficiary_kind text NOT NULL,
        district_code text NOT NULL,
        campaign_id uuid,
        status text NOT NULL CHECK (status IN ('reserved', 'ready', 'dispatched', 'delivered', 'failed', 'cancelled')),
        volunteer text,
        reason text,
        received_by text,
        relationship text,
        note text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX deliveries_status_idx ON deliveries (status, created_at)');
    await q.query(`
      CREATE TABLE reservations (
        id uuid PRIMARY KEY,
        allocation_id uuid NOT NULL REFERENCES deliveries (allocation_id),
        lot_id uuid NOT NULL REFERENCES stock_lots (id),
        quantity integer NOT NULL CHECK (quantity > 0),
        status text NOT NULL CHECK (status IN ('held', 'delivered', 'released')),
        reserved_at timestamptz NOT NULL,
        settled_at timestamptz,
        UNIQUE (allocation_id, lot_id)
      )`);
    // One decision per allocation, so a re-sent AllocationRequested (new event id, same allocation) reserves nothing twice.
    await q.query(`
      CREATE TABLE allocation_requests (
        allocation_id uuid PRIMARY KEY,
        outcome text CHECK (outcome IN ('reserved', 'rejected')),
        decided_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE stock_movements (
        id uuid PRIMARY KEY,
        lot_id uuid NOT NULL REFERENCES stock_lots (id),
        kind text NOT NULL CHECK (kind IN ('received', 'reserved', 'released', 'delivered')),
        on_hand_delta integer NOT NULL,
        reserved_delta integer NOT NULL,
        receipt_id uuid,
        allocation_id uuid,
        reason text,
        actor text NOT NULL,
        occurred_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX stock_movements_lot_idx ON stock_movements (lot_id, occurred_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['stock_movements', 'allocation_requests', 'reservations', 'deliveries', 'stock_lots', 'receipts', 'known_pledge_lines', 'known_pledges', 'warehouses', 'items']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
