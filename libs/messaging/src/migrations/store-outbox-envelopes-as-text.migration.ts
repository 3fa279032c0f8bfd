import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `outbox.envelope` as `text`, not `jsonb`: nothing in PostgreSQL looks inside it (the relay sends it as it is), and
 * parsing it into jsonb on INSERT and printing it back on the relay's SELECT cost 15–25 µs of PostgreSQL CPU per
 * event (BENCHMARKS.md, issue #7). The text is exactly what `publish` serialized and what Kafka gets. Readers that
 * want JSON in SQL write `envelope::jsonb`.
 */
export class StoreOutboxEnvelopesAsText1765200000000 implements MigrationInterface {
  name = 'StoreOutboxEnvelopesAsText1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox ALTER COLUMN envelope TYPE text USING envelope::text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox ALTER COLUMN envelope TYPE jsonb USING envelope::jsonb');
  }
}
