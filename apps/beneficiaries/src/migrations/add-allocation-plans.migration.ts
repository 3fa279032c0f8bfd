import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue #9, allocation plans: a previewed, then committed, roster ranked by need; item names for the tick-off sheet. */
export class AddAllocationPlans1764600300000 implements MigrationInterface {
  name = 'AddAllocationPlans1764600300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE known_items ADD COLUMN name text');
    await q.query(`
      CREATE TABLE allocation_plans (
        id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL,
        name text,
        warehouse_code text NOT NULL,
        lines jsonb NOT NULL,
        criteria jsonb NOT NULL,
        max_beneficiaries integer,
        allocated_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'committed')),
        excluded jsonb NOT NULL,
        stock jsonb NOT NULL,
        will_receive integer NOT NULL,
        idempotency_key text UNIQUE,
        created_at timestamptz NOT NULL,
        committed_at timestamptz
      )`);
    // The roster, frozen with what the tick-off sheet prints (names stay in this service's database).
    await q.query(`
      CREATE TABLE allocation_plan_entries (
        plan_id uuid NOT NULL REFERENCES allocation_plans (id),
        rank integer NOT NULL CHECK (rank > 0),
        beneficiary_id uuid NOT NULL,
        beneficiary_kind text NOT NULL CHECK (beneficiary_kind IN ('child', 'institution')),
        need_score integer NOT NULL,
        reasons text[] NOT NULL,
        gifts_last_12_months integer NOT NULL,
        display_name text NOT NULL,
        birth_year integer,
        district_code text NOT NULL,
        commune_code text,
        guardian_name text,
        allocation_id uuid,
        PRIMARY KEY (plan_id, rank),
        UNIQUE (plan_id, beneficiary_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE allocation_plan_entries');
    await q.query('DROP TABLE allocation_plans');
    await q.query('ALTER TABLE known_items DROP COLUMN name');
  }
}
