import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops the unique index on `outbox.event_id`. Ids are unique by construction: `publish` is the only way into the outbox
 * and gives each envelope a new random UUID, and consumers drop a repeated id in their inbox anyway. The index cost
 * every INSERT a random b-tree insertion, and every relay mark another (marking a row sent is not a HOT update):
 * about 8 µs of PostgreSQL CPU per event (BENCHMARKS.md, issue #7, fifth round). Looking a row up by event id now
 * reads the table, which the pruner keeps to `OUTBOX_RETENTION_DAYS`.
 */
export class DropOutboxEventIdIndex1765400000000 implements MigrationInterface {
  name = 'DropOutboxEventIdIndex1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_event_id_key');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox ADD CONSTRAINT outbox_event_id_key UNIQUE (event_id)');
  }
}
