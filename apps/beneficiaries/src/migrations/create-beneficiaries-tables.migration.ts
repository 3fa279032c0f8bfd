import { MigrationInterface, QueryRunner } from 'typeorm';

/** Beneficiaries' own tables: the personal records (children, institutions) and the allocations whose saga it owns. */
export class CreateBeneficiariesTables1764500000000 implements MigrationInterface {
  name = 'CreateBeneficiariesTables1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE children (
        id uuid PRIMARY KEY,
        full_name text NOT NULL,
        birth_date date NOT NULL,
        sex text NOT NULL CHECK (sex IN ('female', 'male')),
        district_code text NOT NULL,
        commune_code text NOT NULL,
        circumstances text[] NOT NULL CHECK (cardinality(circumstances) > 0),
        guardian_name text,
        guardian_phone text,
        idempotency_key text UNIQUE,
        registered_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE institutions (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('orphanage', 'social_protection_centre', 'special_school', 'other')),
        district_code text NOT NULL,
        residents integer NOT NULL CHECK (residents > 0),
        idempotency_key text UNIQUE,
        registered_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE allocations (
        id uuid PRIMARY KEY,
        beneficiary_id uuid NOT NULL,
        beneficiary_kind text NOT NULL CHECK (beneficiary_kind IN ('child', 'institution')),
        district_code text NOT NULL,
        campaign_id uuid,
        warehouse_code text,
        status text NOT NULL CHECK (status IN ('requested', 'confirmed', 'rejected', 'dispatched', 'delivered', 'failed', 'cancelled')),
        reason text CHECK (reason IS NULL OR status IN ('rejected', 'failed', 'cancelled')),
        lines jsonb NOT NULL,
        idempotency_key text UNIQUE,
        requested_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // A beneficiary's allocations (eligibility checks, the staff's view of one child).
    await q.query('CREATE INDEX allocations_beneficiary_idx ON allocations (beneficiary_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE allocations');
    await q.query('DROP TABLE institutions');
    await q.query('DROP TABLE children');
  }
}
