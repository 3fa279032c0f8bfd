import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The warehouse people can trust (issue 10): money in bigint, items that are services, walk-in receipts
 * with business dates, lots that come from transfers and returns, an append-only ledger with a position
 * (`seq`) that the database itself refuses to rewrite, and the tables of adjustments, transfers,
 * stock-takes, returns, delivery runs and offline-safe delivery operations.
 */
export class AddWarehouseLedger1764500000000 implements MigrationInterface {
  name = 'AddWarehouseLedger1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE items ALTER COLUMN unit_value_vnd TYPE bigint,
      ADD COLUMN stocked boolean NOT NULL DEFAULT true, ADD COLUMN perishable boolean NOT NULL DEFAULT false`);
    await q.query('ALTER TABLE known_pledge_lines ALTER COLUMN unit_value_vnd TYPE bigint');
    await q.query(`ALTER TABLE receipts ADD COLUMN received_on date, ADD COLUMN donor_id uuid, ADD COLUMN campaign_id uuid, ADD COLUMN walk_in boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE receipts SET received_on = (received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`);
    await q.query('ALTER TABLE receipts ALTER COLUMN received_on SET NOT NULL');

    // A lot comes from a receipt line, a transfer (keeping its source lot's pledge, donor and expiry) or a return.
    await q.query(`ALTER TABLE stock_lots ALTER COLUMN unit_value_vnd TYPE bigint,
      ALTER COLUMN receipt_id DROP NOT NULL, ALTER COLUMN receipt_line DROP NOT NULL,
      ADD COLUMN donor_id uuid, ADD COLUMN source_lot_id uuid REFERENCES stock_lots (id),
      ADD COLUMN origin text NOT NULL DEFAULT 'receipt' CHECK (origin IN ('receipt', 'transfer', 'return'))`);

    // The ledger: a position for every row, item and warehouse on the row, a reference to what caused it.
    await q.query(`ALTER TABLE stock_movements ADD COLUMN seq bigserial, ADD COLUMN reference text,
      ADD COLUMN item_code text, ADD COLUMN warehouse_code text`);
    await q.query(`UPDATE stock_movements m SET item_code = l.item_code, warehouse_code = l.warehouse_code,
      reference = coalesce(m.receipt_id::text, m.allocation_id::text) FROM stock_lots l WHERE l.id = m.lot_id`);
    await q.query('ALTER TABLE stock_movements ALTER COLUMN item_code SET NOT NULL, ALTER COLUMN warehouse_code SET NOT NULL');
    await q.query('ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_kind_check');
    await q.query(`ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_kind_check
      CHECK (kind IN ('received', 'reserved', 'released', 'delivered', 'adjusted', 'transfer_out', 'transfer_in', 'returned'))`);
    await q.query('CREATE UNIQUE INDEX stock_movements_seq_idx ON stock_movements (seq)');
    await q.query('CREATE INDEX stock_movements_item_idx ON stock_movements (item_code, warehouse_code, occurred_at)');
    // Append-only, whatever the application does: UPDATE, DELETE and TRUNCATE raise.
    await q.query(`CREATE FUNCTION stock_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'stock_movements is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation'; END $$`);
    await q.query(`CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements
      FOR EACH ROW EXECUTE FUNCTION stock_movements_append_only()`);
    await q.query(`CREATE TRIGGER stock_movements_no_truncate BEFORE TRUNCATE ON stock_movements
      FOR EACH STATEMENT EXECUTE FUNCTION stock_movements_append_only()`);

    // A retried allocation (attempt 2, 3, …) reserves anew; each attempt is decided once.
    await q.query('ALTER TABLE allocation_requests ADD COLUMN attempt integer NOT NULL DEFAULT 1');
    await q.query('ALTER TABLE allocation_requests DROP CONSTRAINT allocation_requests_pkey, ADD PRIMARY KEY (allocation_id, attempt)');
    await q.query('ALTER TABLE reservations ADD COLUMN attempt integer NOT NULL DEFAULT 1');
    await q.query('ALTER TABLE reservations DROP CONSTRAINT reservations_allocation_id_lot_id_key, ADD UNIQUE (allocation_id, attempt, lot_id)');

    await q.query(`ALTER TABLE deliveries ADD COLUMN attempt integer NOT NULL DEFAULT 1, ADD COLUMN warehouse_code text,
      ADD COLUMN service_only boolean NOT NULL DEFAULT false, ADD COLUMN dispatched_at timestamptz, ADD COLUMN decided_at timestamptz,
      ADD COLUMN decided_by text, ADD COLUMN dispatch_run_id uuid`);
    await q.query('CREATE INDEX deliveries_volunteer_idx ON deliveries (volunteer, created_at)');
    // Lines of an allocation of services (not stocked): delivered without lots.
    await q.query(`CREATE TABLE delivery_service_lines (
        allocation_id uuid NOT NULL REFERENCES deliveries (allocation_id),
        line_no integer NOT NULL,
        item_code text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_value_vnd bigint NOT NULL,
        PRIMARY KEY (allocation_id, line_no))`);
    // Every volunteer's step by its clientOpId: the same operation again answers what it answered the first time.
    await q.query(`CREATE TABLE delivery_operations (
        client_op_id uuid PRIMARY KEY,
        allocation_id uuid NOT NULL,
        action text NOT NULL CHECK (action IN ('dispatch', 'confirm', 'fail')),
        status text NOT NULL,
        response jsonb NOT NULL,
        happened_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        actor text NOT NULL)`);
    await q.query('CREATE INDEX delivery_operations_allocation_idx ON delivery_operations (allocation_id, recorded_at)');
    await q.query(`CREATE TABLE dispatch_runs (
        id uuid PRIMARY KEY, warehouse_code text NOT NULL, volunteer text NOT NULL, actor text NOT NULL, created_at timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE dispatch_run_entries (
        run_id uuid NOT NULL REFERENCES dispatch_runs (id), position integer NOT NULL, allocation_id uuid NOT NULL,
        status text, message text, PRIMARY KEY (run_id, position))`);

    await q.query(`CREATE TABLE adjustments (
        id uuid PRIMARY KEY, warehouse_code text NOT NULL, item_code text NOT NULL, lot_id uuid, quantity integer NOT NULL CHECK (quantity <> 0),
        reason text NOT NULL, note text, reference text, actor text NOT NULL, at timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE transfers (
        id uuid PRIMARY KEY, from_warehouse_code text NOT NULL REFERENCES warehouses (code), to_warehouse_code text NOT NULL REFERENCES warehouses (code),
        status text NOT NULL CHECK (status IN ('in_transit', 'received')), actor text NOT NULL,
        dispatched_at timestamptz NOT NULL, received_at timestamptz)`);
    await q.query(`CREATE TABLE transfer_lines (
        transfer_id uuid NOT NULL REFERENCES transfers (id), line_no integer NOT NULL, source_lot_id uuid NOT NULL REFERENCES stock_lots (id),
        item_code text NOT NULL, quantity integer NOT NULL CHECK (quantity > 0), received_qty integer, received_lot_id uuid REFERENCES stock_lots (id),
        PRIMARY KEY (transfer_id, line_no))`);
    await q.query(`CREATE TABLE stock_takes (
        id uuid PRIMARY KEY, warehouse_code text NOT NULL REFERENCES warehouses (code), status text NOT NULL CHECK (status IN ('open', 'closed')),
        actor text NOT NULL, opened_at timestamptz NOT NULL, closed_at timestamptz, variances jsonb)`);
    await q.query(`CREATE TABLE stock_take_counts (
        id bigserial PRIMARY KEY, stock_take_id uuid NOT NULL REFERENCES stock_takes (id), item_code text NOT NULL, lot_id uuid,
        counted integer NOT NULL CHECK (counted >= 0), expected bigint NOT NULL, ledger_seq bigint NOT NULL, counted_at timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE returns (
        id uuid PRIMARY KEY, allocation_id uuid NOT NULL REFERENCES deliveries (allocation_id), reason text NOT NULL, restock boolean NOT NULL,
        lines jsonb NOT NULL, actor text NOT NULL, at timestamptz NOT NULL)`);
  }

  async down(): Promise<void> {
    // Not reverted: the ledger is append-only by design, and lots from transfers and returns have no receipt to go back to.
    throw new Error('AddWarehouseLedger1764500000000 cannot be reverted');
  }
}
