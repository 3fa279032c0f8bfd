import { DataSource } from 'typeorm';
import { CreateMessagingTables1764300000000 } from '@giftflow/messaging';
import { CreateHttpIdempotencyTable1764900000000 } from '@giftflow/platform';
import { recreateTestDatabase, testDatabaseUrl } from '@giftflow/testing';
import { AddProgrammesToDonors1764900000100 } from './add-programmes-to-donors.migration';
import { CreateDonorsTables1764600000000 } from './create-donors-tables.migration';

/** The programmes migration on a database that already holds donors and pledges (real PostgreSQL). */
describe('AddProgrammesToDonors on existing data', () => {
  const name = 'giftflow_test_donors_programmes_migration';
  const open = (migrations: Function[]) => new DataSource({ type: 'postgres', url: testDatabaseUrl(name), migrations, migrationsTransactionMode: 'each' }).initialize(); // eslint-disable-line @typescript-eslint/ban-types
  let db: DataSource;

  beforeAll(async () => {
    await recreateTestDatabase(name);
    const before = await open([CreateMessagingTables1764300000000, CreateDonorsTables1764600000000]);
    await before.runMigrations();
    await before.query(`INSERT INTO donors (id, name, kind, phone, email, created_at) VALUES
      ('00000000-0000-4000-8000-000000000001', 'Nguyễn Văn Ánh', 'individual', '+84 299 3822 123', 'Anh@Example.vn', '2026-06-30T18:00:00Z')`);
    await before.query(`INSERT INTO pledges (id, donor_id, campaign_id, status, created_at, updated_at) VALUES
      ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', NULL, 'pledged', '2026-06-30T18:00:00Z', '2026-06-30T18:00:00Z')`);
    await before.query(`INSERT INTO pledge_lines (pledge_id, line_no, item_code, unit_value_vnd, pledged) VALUES ('00000000-0000-4000-8000-0000000000a1', 1, 'bicycle', 1800000, 20)`);
    await before.destroy();
    db = await open([CreateMessagingTables1764300000000, CreateDonorsTables1764600000000, CreateHttpIdempotencyTable1764900000000, AddProgrammesToDonors1764900000100]);
    await db.runMigrations();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('folds existing names and contact keys, dates existing pledges in the fund\'s calendar, and widens amounts to bigint', async () => {
    expect(await db.query('SELECT name, name_folded, phone_key, email_key, anonymous, updated_at = created_at AS same FROM donors')).toEqual([
      { name: 'Nguyễn Văn Ánh', name_folded: 'nguyen van anh', phone_key: '02993822123', email_key: 'anh@example.vn', anonymous: false, same: true },
    ]);
    expect(await db.query(`SELECT to_char(pledged_on, 'YYYY-MM-DD') AS pledged_on, walk_in FROM pledges`)).toEqual([{ pledged_on: '2026-07-01', walk_in: false }]);
    await db.query(`UPDATE pledge_lines SET unit_value_vnd = 5000000000`);
    expect(await db.query(`SELECT data_type FROM information_schema.columns WHERE table_name = 'pledge_lines' AND column_name = 'pledged'`)).toEqual([{ data_type: 'bigint' }]);
    expect(await db.query(`SELECT to_regclass('idempotency_keys') AS old, to_regclass('http_idempotency') AS new`)).toEqual([{ old: null, new: 'http_idempotency' }]);
  });

  it('undoes itself', async () => {
    await db.query('UPDATE pledge_lines SET unit_value_vnd = 1800000');
    await db.undoLastMigration();
    expect(await db.query(`SELECT to_regclass('idempotency_keys') AS old`)).toEqual([{ old: 'idempotency_keys' }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'donors' AND column_name = 'name_folded'`)).toEqual([{ n: 0 }]);
  });
});
