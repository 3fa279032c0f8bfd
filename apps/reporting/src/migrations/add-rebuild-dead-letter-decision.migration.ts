import { MigrationInterface, QueryRunner } from 'typeorm';

/** A rebuild that dead-lettered events waits for a decision before it is swapped in (docs/backbone.md). */
export class AddRebuildDeadLetterDecision1764900000001 implements MigrationInterface {
  name = 'AddRebuildDeadLetterDecision1764900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE projection_generations ADD COLUMN dead_letters_accepted_at timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE projection_generations DROP COLUMN dead_letters_accepted_at');
  }
}
