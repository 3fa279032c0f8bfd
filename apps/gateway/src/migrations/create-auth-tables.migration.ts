import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The gateway's own tables: users (argon2id password hashes, never the password), the console's sessions (only
 * a hash of the cookie's secret is stored), and failed log-ins, which the rate limit counts (docs/security.md).
 */
export class CreateAuthTables1765000000000 implements MigrationInterface {
  name = 'CreateAuthTables1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'fund_staff', 'warehouse_volunteer', 'viewer')),
        warehouse_codes text[] NOT NULL DEFAULT '{}',
        password_hash text NOT NULL,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (role = 'warehouse_volunteer' OR cardinality(warehouse_codes) = 0)
      )`);
    await q.query('CREATE UNIQUE INDEX users_email ON users (email)');
    await q.query(`
      CREATE TABLE sessions (
        secret_hash bytea PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query('CREATE INDEX sessions_user ON sessions (user_id)');
    await q.query(`
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        address text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX login_failures_email ON login_failures (email, failed_at)');
    await q.query('CREATE INDEX login_failures_address ON login_failures (address, failed_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_failures');
    await q.query('DROP TABLE sessions');
    await q.query('DROP TABLE users');
  }
}
