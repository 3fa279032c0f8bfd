import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue #9, sponsorships: a donor pays a child's monthly amount until the child's age limit; the donors beneficiaries knows. */
export class AddSponsorships1764600100000 implements MigrationInterface {
  name = 'AddSponsorships1764600100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE known_donors (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        learned_from text NOT NULL CHECK (learned_from IN ('event', 'donors'))
      )`);
    await q.query(`
      CREATE TABLE sponsorships (
        id uuid PRIMARY KEY,
        donor_id uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        district_code text NOT NULL,
        monthly_amount_vnd bigint NOT NULL CHECK (monthly_amount_vnd > 0),
        start_month text NOT NULL CHECK (start_month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        end_month text NOT NULL CHECK (end_month ~ '^\\d{4}-(0[1-9]|1[0-2])$' AND end_month >= start_month),
        until_age integer NOT NULL CHECK (until_age > 0),
        campaign_id uuid,
        status text NOT NULL CHECK (status IN ('active', 'cancelled', 'ended')),
        cancel_reason text,
        cancelled_on date,
        ended_at timestamptz,
        idempotency_key text UNIQUE,
        created_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX sponsorships_donor_idx ON sponsorships (donor_id)');
    await q.query('CREATE INDEX sponsorships_beneficiary_idx ON sponsorships (beneficiary_id)');
    await q.query("CREATE INDEX sponsorships_active_idx ON sponsorships (end_month) WHERE status = 'active'");
    await q.query(`
      CREATE TABLE sponsorship_instalments (
        id uuid PRIMARY KEY,
        sponsorship_id uuid NOT NULL REFERENCES sponsorships (id),
        month text NOT NULL,
        amount_vnd bigint NOT NULL CHECK (amount_vnd > 0),
        paid_on date NOT NULL,
        idempotency_key text UNIQUE,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX sponsorship_instalments_sponsorship_idx ON sponsorship_instalments (sponsorship_id, month)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sponsorship_instalments');
    await q.query('DROP TABLE sponsorships');
    await q.query('DROP TABLE known_donors');
  }
}
