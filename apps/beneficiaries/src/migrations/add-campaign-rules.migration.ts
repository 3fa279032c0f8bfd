import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #9, eligibility: what beneficiaries learns of campaigns and items from the stream, and the business
 * date, plan, attempt and item categories of each allocation.
 */
export class AddCampaignRules1764600000000 implements MigrationInterface {
  name = 'AddCampaignRules1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE known_campaigns (
        id uuid PRIMARY KEY,
        name text,
        starts_on date,
        ends_on date,
        kind text,
        district_codes text[],
        eligibility jsonb,
        targets jsonb,
        closed_at timestamptz,
        learned_from text NOT NULL CHECK (learned_from IN ('event', 'donors')),
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE known_items (
        item_code text PRIMARY KEY,
        category text NOT NULL,
        stocked boolean NOT NULL
      )`);
    await q.query(`
      ALTER TABLE allocations
        ADD COLUMN allocated_on date,
        ADD COLUMN plan_id uuid,
        ADD COLUMN attempt integer NOT NULL DEFAULT 1 CHECK (attempt > 0),
        ADD COLUMN categories text[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE allocations SET allocated_on = (requested_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`);
    await q.query('ALTER TABLE allocations ALTER COLUMN allocated_on SET NOT NULL');
    // What a child holds in a campaign (the one-per-category rule) and a plan's allocations.
    await q.query('CREATE INDEX allocations_campaign_beneficiary_idx ON allocations (campaign_id, beneficiary_id)');
    await q.query('CREATE INDEX allocations_plan_idx ON allocations (plan_id) WHERE plan_id IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX allocations_plan_idx');
    await q.query('DROP INDEX allocations_campaign_beneficiary_idx');
    await q.query('ALTER TABLE allocations DROP COLUMN categories, DROP COLUMN attempt, DROP COLUMN plan_id, DROP COLUMN allocated_on');
    await q.query('DROP TABLE known_items');
    await q.query('DROP TABLE known_campaigns');
  }
}
