import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The one table behind HTTP Idempotency-Keys in every service (see answerOnce and docs/api.md): the key, the
 * route and request hash it was first used with, and the answer it got. A service adds this class to its
 * migrations list. The primary key is what serialises two requests with one key.
 */
export class CreateHttpIdempotencyTable1764900000000 implements MigrationInterface {
  name = 'CreateHttpIdempotencyTable1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE http_idempotency (
        idempotency_key text PRIMARY KEY,
        route text NOT NULL,
        request_hash text NOT NULL,
        response_status integer,
        response_body json,
        created_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE http_idempotency');
  }
}
