import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue #13: who read a child's full record, and when (the access log; docs/security.md). */
export class AddChildRecordReads1765000000100 implements MigrationInterface {
  name = 'AddChildRecordReads1765000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE child_record_reads (
        id bigserial PRIMARY KEY,
        child_id uuid NOT NULL,
        read_by text NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX child_record_reads_child ON child_record_reads (child_id, read_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE child_record_reads');
  }
}
