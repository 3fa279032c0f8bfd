import { DataSource } from 'typeorm';
import { recreateTestDatabase, testDatabaseUrl } from '@giftflow/testing';
import { AddWarehouseLedger1764500000000 } from './add-warehouse-ledger.migration';
import { CreateInventoryTables1764400000000 } from './create-inventory-tables.migration';

/** The upgrade of a database that already holds stock: ledger rows keep their values, gain a position, and turn append-only. */
describe('AddWarehouseLedger1764500000000 on a database with stock', () => {
  const name = 'giftflow_test_inventory_migration_ledger';
  let db: DataSource;

  afterAll(async () => {
    await db?.destroy();
  });

  it('backfills the ledger and receipts, widens money to bigint, and refuses UPDATE afterwards', async () => {
    await recreateTestDatabase(name);
    db = new DataSource({ type: 'postgres', url: testDatabaseUrl(name), migrations: [CreateInventoryTables1764400000000], migrationsTransactionMode: 'each' });
    await db.initialize();
    await db.runMigrations();
    await db.query("INSERT INTO items VALUES ('bicycle', 'Bicycle', 'bicycles', 'piece', 1800000, now())");
    await db.query("INSERT INTO warehouses VALUES ('ST-FUND', 'Provincial', '941', now())");
    await db.query("INSERT INTO receipts VALUES ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'ST-FUND', NULL, 'api', '2026-06-30T18:00:00Z')");
    await db.query(`INSERT INTO stock_lots (id, item_code, warehouse_code, pledge_id, receipt_id, receipt_line, unit_value_vnd, received_qty, on_hand, reserved, received_at)
                    VALUES ('00000000-0000-4000-8000-000000000003', 'bicycle', 'ST-FUND', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 1, 1800000, 20, 20, 0, now())`);
    await db.query(`INSERT INTO stock_movements (id, lot_id, kind, on_hand_delta, reserved_delta, receipt_id, actor, occurred_at)
                    VALUES ('00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000003', 'received', 20, 0, '00000000-0000-4000-8000-000000000001', 'api', now())`);
    await db.destroy();

    db = new DataSource({ type: 'postgres', url: testDatabaseUrl(name), migrations: [CreateInventoryTables1764400000000, AddWarehouseLedger1764500000000], migrationsTransactionMode: 'each' });
    await db.initialize();
    await db.runMigrations();
    expect(await db.query('SELECT seq::int AS seq, item_code, warehouse_code, reference FROM stock_movements')).toEqual([
      { seq: 1, item_code: 'bicycle', warehouse_code: 'ST-FUND', reference: '00000000-0000-4000-8000-000000000001' },
    ]);
    expect(await db.query('SELECT received_on::text AS received_on FROM receipts')).toEqual([{ received_on: '2026-07-01' }]); // 01:00 in Ho Chi Minh City
    expect(await db.query("SELECT stocked, perishable FROM items WHERE code = 'bicycle'")).toEqual([{ stocked: true, perishable: false }]);
    await db.query("UPDATE items SET unit_value_vnd = 5000000000 WHERE code = 'bicycle'");
    expect(await db.query("SELECT unit_value_vnd FROM items WHERE code = 'bicycle'")).toEqual([{ unit_value_vnd: '5000000000' }]);
    await expect(db.query('UPDATE stock_movements SET on_hand_delta = 1')).rejects.toThrow(/append-only/);
  });
});
