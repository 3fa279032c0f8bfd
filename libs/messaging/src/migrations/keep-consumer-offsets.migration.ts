import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A consumer's position per partition (the next offset to handle), written in the same transaction as the work
 * and inbox rows of the chunk it ends, and sought on assignment: the consumer no longer commits offsets to Kafka
 * (~1.3 ms per chunk, BENCHMARKS.md), and a position can never disagree with the work it covers
 * (docs/backbone.md, "Offsets in the consumer's database"). A group with no row here starts from its Kafka
 * committed offset, if any (groups from before this migration), else from the beginning.
 */
export class KeepConsumerOffsets1765100000000 implements MigrationInterface {
  name = 'KeepConsumerOffsets1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consumer_offsets (
        group_id text NOT NULL,
        topic text NOT NULL,
        partition integer NOT NULL,
        next_offset bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, topic, partition)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE consumer_offsets');
  }
}
