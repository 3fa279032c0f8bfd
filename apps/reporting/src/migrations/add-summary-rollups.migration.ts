import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The half-year summary's month rollups (reports/summary/rollups, BENCHMARKS.md "Fourth round"), partitioned by generation
 * like every read model table, so a generation's rollups go with its facts:
 * - `summary_changes`: what each projected chunk touched (months, and the allocations, pledges and beneficiaries whose
 *   other facts it may change), one row per chunk, turned into stale months by the next summary;
 * - `summary_months`: the months whose rollups are built and not stale;
 * - `summary_month_sums`: per month the facts' quantities and values by item, campaign, district (deliveries) and commune
 *   (deliveries to children), values split into what the facts carried and the quantity valued at the catalogue's price;
 * - `summary_month_reach`: per month the children and institutions reached, as `bit(4096)` bitmaps over dense numbers
 *   (`summary_beneficiary_numbers`), one per breakdown row and block of 4,096 numbers;
 * - `gift_returns (generation, allocation_id)`: a request projected after its return finds the return's month;
 * - `summary_bits(position, 1)`: the aggregate that makes a block's bitmap of its positions.
 */
export class AddSummaryRollups1765300000000 implements MigrationInterface {
  name = 'AddSummaryRollups1765300000000';

  async up(q: QueryRunner): Promise<void> {
    // A bitmap of the positions aggregated: set_bit as the transition, one 512-byte copy a row (bit_or of set_bit made two).
    await q.query(`CREATE AGGREGATE summary_bits(integer, integer) (SFUNC = set_bit, STYPE = bit, INITCOND = '${'0'.repeat(4096)}')`);
    for (const sql of TABLES) await q.query(sql);
    await q.query('CREATE INDEX gift_returns_allocation_idx ON gift_returns (generation, allocation_id)');
    const generations: { generation: number }[] = await q.query(
      `SELECT generation FROM projection_generations WHERE to_regclass('pledge_lines_g' || generation) IS NOT NULL`,
    );
    for (const { generation } of generations) {
      for (const table of SUMMARY_ROLLUP_TABLES) {
        await q.query(`CREATE TABLE ${table}_g${Number(generation)} PARTITION OF ${table} FOR VALUES IN (${Number(generation)})`);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX gift_returns_allocation_idx');
    for (const table of SUMMARY_ROLLUP_TABLES) await q.query(`DROP TABLE ${table}`);
    await q.query('DROP AGGREGATE summary_bits(integer, integer)');
  }
}

const SUMMARY_ROLLUP_TABLES = ['summary_changes', 'summary_months', 'summary_month_sums', 'summary_month_reach', 'summary_beneficiary_numbers'];

const TABLES = [
  `CREATE TABLE summary_changes (
     generation integer NOT NULL, months date[] NOT NULL, every_month boolean NOT NULL,
     allocation_ids uuid[] NOT NULL, pledge_ids uuid[] NOT NULL, beneficiary_ids uuid[] NOT NULL) PARTITION BY LIST (generation)`,
  `CREATE TABLE summary_months (generation integer NOT NULL, month date NOT NULL, PRIMARY KEY (generation, month)) PARTITION BY LIST (generation)`,
  `CREATE TABLE summary_month_sums (
     generation integer NOT NULL, month date NOT NULL, fact text NOT NULL, item_code text NOT NULL, campaign_id uuid, district_code text,
     commune_code text, quantity numeric NOT NULL, valued_vnd numeric NOT NULL, unvalued_quantity numeric NOT NULL) PARTITION BY LIST (generation)`,
  'CREATE INDEX summary_month_sums_month_idx ON summary_month_sums (generation, month)',
  `CREATE TABLE summary_month_reach (
     generation integer NOT NULL, month date NOT NULL, kind text NOT NULL, dim text NOT NULL, key text NOT NULL, block integer NOT NULL,
     bits bit(4096) NOT NULL, PRIMARY KEY (generation, month, kind, dim, key, block)) PARTITION BY LIST (generation)`,
  `CREATE TABLE summary_beneficiary_numbers (
     generation integer NOT NULL, beneficiary_id uuid NOT NULL, n integer NOT NULL, PRIMARY KEY (generation, beneficiary_id))
     PARTITION BY LIST (generation)`,
];
