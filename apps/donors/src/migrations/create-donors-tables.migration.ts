import { MigrationInterface, QueryRunner } from 'typeorm';

/** Donors' own tables: donors (with their contacts), campaigns, pledges with their per-line progress. */
export class CreateDonorsTables1764600000000 implements MigrationInterface {
  name = 'CreateDonorsTables1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE donors (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('individual', 'business', 'organization', 'government', 'military', 'religious')),
        phone text,
        email text,
        idempotency_key text UNIQUE,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on >= starts_on),
        idempotency_key text UNIQUE,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE pledges (
        id uuid PRIMARY KEY,
        donor_id uuid NOT NULL REFERENCES donors (id),
        campaign_id uuid REFERENCES campaigns (id),
        status text NOT NULL CHECK (status IN ('pledged', 'partially_received', 'received', 'cancelled', 'fulfilled')),
        lines jsonb NOT NULL CHECK (jsonb_typeof(lines) = 'array' AND jsonb_array_length(lines) > 0),
        cancel_reason text,
        idempotency_key text NOT NULL UNIQUE,
        request_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX pledges_donor_idx ON pledges (donor_id)');
    await q.query('CREATE INDEX pledges_campaign_idx ON pledges (campaign_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE pledges');
    await q.query('DROP TABLE campaigns');
    await q.query('DROP TABLE donors');
  }
}
