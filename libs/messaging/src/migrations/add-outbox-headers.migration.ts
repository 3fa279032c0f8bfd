import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Headers an outbox row is sent with besides its own (docs/observability.md): the trace context (`traceparent`)
 * of the request or handler that wrote it, so the relay carries the trace into Kafka.
 */
export class AddOutboxHeaders1764800000000 implements MigrationInterface {
  name = 'AddOutboxHeaders1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox ADD COLUMN headers jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox DROP COLUMN headers');
  }
}
