import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Donors' own tables: donors (with their contacts), campaigns, pledges and their lines (with per-line
 * progress), and the Idempotency-Keys that created them. The rules the API checks are repeated as
 * constraints, so no code path can store a pledge the API would refuse.
 */
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
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on >= starts_on),
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE pledges (
        id uuid PRIMARY KEY,
        donor_id uuid NOT NULL REFERENCES donors (id),
        campaign_id uuid REFERENCES campaigns (id),
        status text NOT NULL CHECK (status IN ('pledged', 'partially_received', 'received', 'cancelled', 'fulfilled')),
        cancel_reason text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX pledges_donor_idx ON pledges (donor_id)');
    await q.query('CREATE INDEX pledges_campaign_idx ON pledges (campaign_id)');
    await q.query(`
      CREATE TABLE pledge_lines (
        pledge_id uuid NOT NULL REFERENCES pledges (id),
        line_no integer NOT NULL,
        item_code text NOT NULL,
        unit_value_vnd integer CHECK (unit_value_vnd >= 0),
        pledged integer NOT NULL CHECK (pledged > 0),
        received integer NOT NULL DEFAULT 0 CHECK (received >= 0),
        delivered integer NOT NULL DEFAULT 0 CHECK (delivered >= 0),
        PRIMARY KEY (pledge_id, line_no),
        UNIQUE (pledge_id, item_code)
      )`);
    // The primary key is what makes a retried POST safe under concurrency: the second INSERT of a key
    // waits for the first transaction and then conflicts, instead of both reading "no such key".
    await q.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL CHECK (scope IN ('donors', 'campaigns', 'pledges')),
        idempotency_key text NOT NULL,
        request_hash text NOT NULL,
        resource_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (scope, idempotency_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_keys');
    await q.query('DROP TABLE pledge_lines');
    await q.query('DROP TABLE pledges');
    await q.query('DROP TABLE campaigns');
    await q.query('DROP TABLE donors');
  }
}
