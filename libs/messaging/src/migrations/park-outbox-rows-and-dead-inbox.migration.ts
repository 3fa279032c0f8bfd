import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * - outbox: a row Kafka refuses for good (MESSAGE_TOO_LARGE, INVALID_RECORD…) is parked (`failed_at`,
 *   `last_error`) instead of blocking every row behind it; the relay claims only rows neither sent nor parked.
 * - inbox: a dead-lettered event is recorded with `status = 'dead'` (and why), so a redelivery writes no second
 *   letter; `replayed_at` says when `npm run dlq -- replay` sent it back (docs/backbone.md).
 */
export class ParkOutboxRowsAndDeadInbox1764900000000 implements MigrationInterface {
  name = 'ParkOutboxRowsAndDeadInbox1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox ADD COLUMN failed_at timestamptz, ADD COLUMN last_error text');
    await q.query('DROP INDEX IF EXISTS outbox_unpublished_idx');
    await q.query('CREATE INDEX outbox_pending_idx ON outbox (id) WHERE published_at IS NULL AND failed_at IS NULL');
    await q.query('CREATE INDEX outbox_parked_idx ON outbox (id) WHERE published_at IS NULL AND failed_at IS NOT NULL');
    await q.query(`ALTER TABLE inbox
      ADD COLUMN status text NOT NULL DEFAULT 'handled' CHECK (status IN ('handled', 'dead')),
      ADD COLUMN error text,
      ADD COLUMN replayed_at timestamptz`);
    await q.query(`CREATE INDEX inbox_dead_idx ON inbox (consumer) WHERE status = 'dead'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX inbox_dead_idx');
    await q.query('ALTER TABLE inbox DROP COLUMN status, DROP COLUMN error, DROP COLUMN replayed_at');
    await q.query('DROP INDEX outbox_parked_idx');
    await q.query('DROP INDEX outbox_pending_idx');
    await q.query('CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL');
    await q.query('ALTER TABLE outbox DROP COLUMN failed_at, DROP COLUMN last_error');
  }
}
