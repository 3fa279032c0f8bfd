import { MigrationInterface, QueryRunner } from 'typeorm';
import { foldName } from '../children/fold-name';

/** Issue #9, registry: a folded name to search and spot duplicates by, and merges of two records of one child. */
export class AddRegistrySearchAndMerges1764600200000 implements MigrationInterface {
  name = 'AddRegistrySearchAndMerges1764600200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE children ADD COLUMN search_name text, ADD COLUMN merged_into uuid REFERENCES children (id), ADD COLUMN merged_at timestamptz');
    const rows: { id: string; full_name: string }[] = await q.query('SELECT id, full_name FROM children');
    for (const row of rows) await q.query('UPDATE children SET search_name = $2 WHERE id = $1', [row.id, foldName(row.full_name)]);
    await q.query('ALTER TABLE children ALTER COLUMN search_name SET NOT NULL');
    await q.query('ALTER TABLE children ADD CONSTRAINT children_not_merged_into_self CHECK (merged_into IS NULL OR merged_into <> id)');
    // The duplicate check: same folded name, birth date and commune among records not merged away.
    await q.query('CREATE INDEX children_duplicate_idx ON children (search_name, birth_date, commune_code) WHERE merged_into IS NULL');
    await q.query('CREATE INDEX children_merged_into_idx ON children (merged_into) WHERE merged_into IS NOT NULL');
    await q.query('CREATE INDEX institutions_district_idx ON institutions (district_code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX institutions_district_idx');
    await q.query('ALTER TABLE children DROP CONSTRAINT children_not_merged_into_self, DROP COLUMN merged_at, DROP COLUMN merged_into, DROP COLUMN search_name');
  }
}
