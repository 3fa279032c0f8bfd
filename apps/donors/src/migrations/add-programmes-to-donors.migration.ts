import { MigrationInterface, QueryRunner } from 'typeorm';
import { foldForSearch } from '@giftflow/platform';
import { duplicateKeysOf } from '../donors/duplicate-keys';

/**
 * The fund's programmes (docs/api.md, donors): donors gain a tax code, anonymity, a folded name for search and
 * the contact keys duplicates are found by; campaigns gain a kind, rules, targets and a status; pledges gain
 * their business dates, walk-ins and closing; pledge quantities and values become 64-bit. The Idempotency-Keys
 * move to the shared `http_idempotency` table (CreateHttpIdempotencyTable): the old keys only named what they
 * created, not the answer, so they are dropped.
 */
export class AddProgrammesToDonors1764900000100 implements MigrationInterface {
  name = 'AddProgrammesToDonors1764900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE donors
        ADD COLUMN tax_code text,
        ADD COLUMN anonymous boolean NOT NULL DEFAULT false,
        ADD COLUMN name_folded text,
        ADD COLUMN phone_key text,
        ADD COLUMN email_key text,
        ADD COLUMN tax_code_key text,
        ADD COLUMN updated_at timestamptz`);
    const donors: { id: string; name: string; phone: string | null; email: string | null }[] = await q.query('SELECT id, name, phone, email FROM donors');
    for (const d of donors) {
      const keys = duplicateKeysOf(d);
      await q.query('UPDATE donors SET name_folded = $2, phone_key = $3, email_key = $4 WHERE id = $1', [d.id, foldForSearch(d.name), keys.phoneKey, keys.emailKey]);
    }
    await q.query('UPDATE donors SET updated_at = created_at');
    await q.query('ALTER TABLE donors ALTER COLUMN name_folded SET NOT NULL, ALTER COLUMN updated_at SET NOT NULL');
    await q.query('CREATE INDEX donors_name_folded_idx ON donors (name_folded)');
    await q.query('CREATE INDEX donors_phone_key_idx ON donors (phone_key)');
    await q.query('CREATE INDEX donors_email_key_idx ON donors (email_key)');
    await q.query('CREATE INDEX donors_tax_code_key_idx ON donors (tax_code_key)');

    await q.query(`
      ALTER TABLE campaigns
        ADD COLUMN kind text NOT NULL DEFAULT 'other' CHECK (kind IN ('lunar_new_year', 'month_of_action', 'mid_autumn', 'dialogue',
          'festival', 'scholarship_drive', 'sponsorship_programme', 'health_screening', 'other')),
        ADD COLUMN status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        ADD COLUMN district_codes jsonb,
        ADD COLUMN eligibility jsonb,
        ADD COLUMN targets jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN closed_at timestamptz,
        ADD CONSTRAINT campaigns_closed_at_check CHECK ((status = 'closed') = (closed_at IS NOT NULL))`);
    await q.query('CREATE INDEX campaigns_status_idx ON campaigns (status)');

    await q.query(`
      ALTER TABLE pledges
        ADD COLUMN pledged_on date,
        ADD COLUMN expected_on date,
        ADD COLUMN walk_in boolean NOT NULL DEFAULT false,
        ADD COLUMN close_reason text`);
    await q.query(`UPDATE pledges SET pledged_on = (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`);
    await q.query('ALTER TABLE pledges ALTER COLUMN pledged_on SET NOT NULL');
    await q.query('ALTER TABLE pledges DROP CONSTRAINT pledges_status_check');
    await q.query(`ALTER TABLE pledges ADD CONSTRAINT pledges_status_check
      CHECK (status IN ('pledged', 'partially_received', 'received', 'cancelled', 'fulfilled', 'closed'))`);
    await q.query(`ALTER TABLE pledges ADD CONSTRAINT pledges_close_reason_check CHECK ((status = 'closed') = (close_reason IS NOT NULL))`);
    await q.query('CREATE INDEX pledges_pledged_on_idx ON pledges (pledged_on DESC, created_at DESC)');

    await q.query(`
      ALTER TABLE pledge_lines
        ALTER COLUMN unit_value_vnd TYPE bigint,
        ALTER COLUMN pledged TYPE bigint,
        ALTER COLUMN received TYPE bigint,
        ALTER COLUMN delivered TYPE bigint`);

    await q.query('DROP TABLE idempotency_keys');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL CHECK (scope IN ('donors', 'campaigns', 'pledges')),
        idempotency_key text NOT NULL,
        request_hash text NOT NULL,
        resource_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (scope, idempotency_key)
      )`);
    await q.query(`
      ALTER TABLE pledge_lines
        ALTER COLUMN unit_value_vnd TYPE integer,
        ALTER COLUMN pledged TYPE integer,
        ALTER COLUMN received TYPE integer,
        ALTER COLUMN delivered TYPE integer`);
    await q.query('ALTER TABLE pledges DROP CONSTRAINT pledges_close_reason_check');
    await q.query('ALTER TABLE pledges DROP CONSTRAINT pledges_status_check');
    await q.query(`ALTER TABLE pledges ADD CONSTRAINT pledges_status_check
      CHECK (status IN ('pledged', 'partially_received', 'received', 'cancelled', 'fulfilled'))`);
    await q.query('DROP INDEX pledges_pledged_on_idx');
    await q.query('ALTER TABLE pledges DROP COLUMN pledged_on, DROP COLUMN expected_on, DROP COLUMN walk_in, DROP COLUMN close_reason');
    await q.query('DROP INDEX campaigns_status_idx');
    await q.query(`ALTER TABLE campaigns DROP CONSTRAINT campaigns_closed_at_check, DROP COLUMN kind, DROP COLUMN status,
      DROP COLUMN district_codes, DROP COLUMN eligibility, DROP COLUMN targets, DROP COLUMN closed_at`);
    await q.query('DROP INDEX donors_name_folded_idx');
    await q.query('DROP INDEX donors_phone_key_idx');
    await q.query('DROP INDEX donors_email_key_idx');
    await q.query('DROP INDEX donors_tax_code_key_idx');
    await q.query(`ALTER TABLE donors DROP COLUMN tax_code, DROP COLUMN anonymous, DROP COLUMN name_folded, DROP COLUMN phone_key,
      DROP COLUMN email_key, DROP COLUMN tax_code_key, DROP COLUMN updated_at`);
  }
}
