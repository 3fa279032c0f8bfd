import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cancelled pledges, partitioned by generation like every fact table, with a partition for each existing generation. */
export class AddPledgeCancellations1764700000000 implements MigrationInterface {
  name = 'AddPledgeCancellations1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pledge_cancellations (
        generation integer NOT NULL,
        pledge_id uuid NOT NULL,
        reason text NOT NULL,
        occurred_at timestamptz NOT NULL,
        PRIMARY KEY (generation, pledge_id)
      ) PARTITION BY LIST (generation)`);
    // Only generations whose fact partitions exist (a replaced generation keeps its row but not its partitions).
    const generations: { generation: number }[] = await q.query(
      `SELECT generation FROM projection_generations WHERE to_regclass('pledge_lines_g' || generation) IS NOT NULL`,
    );
    for (const { generation } of generations) {
      await q.query(`CREATE TABLE pledge_cancellations_g${Number(generation)} PARTITION OF pledge_cancellations FOR VALUES IN (${Number(generation)})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE pledge_cancellations');
  }
}
