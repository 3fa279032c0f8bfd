import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * For a fast replay and a fast half-year summary (README "Reporting replays", BENCHMARKS.md "The reporting replay"):
 * - `delivered_lots.campaign_id`: the campaign of the delivery's allocation (its first request), kept on the delivery by
 *   the projections (`linkDeliveryCampaigns` in projections/deliveries.projection.ts), so period reports no longer join every
 *   delivery of the period to `requested_lines`. Existing deliveries get it here.
 * - the `(generation, occurred_at)` indexes of the first migration (and delivered_lots' `delivered_at` one) are read by
 *   no report since reports place facts by their business dates (`*_on`); each cost every replayed row an index insert.
 */
export class AddDeliveryCampaigns1765000000000 implements MigrationInterface {
  name = 'AddDeliveryCampaigns1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE delivered_lots ADD COLUMN campaign_id uuid');
    await q.query(`UPDATE delivered_lots d SET campaign_id = r.campaign_id FROM requested_lines r
                    WHERE r.generation = d.generation AND r.allocation_id = d.allocation_id AND r.line_no = 1 AND r.campaign_id IS NOT NULL`);
    await q.query(`DROP INDEX ${UNREAD_INDEXES.join(', ')}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['pledge_lines', 'receipt_lots', 'allocation_lines', 'reserved_lots', 'released_lots']) {
      await q.query(`CREATE INDEX ${table}_month_idx ON ${table} (generation, occurred_at)`);
    }
    await q.query('CREATE INDEX delivered_lots_month_idx ON delivered_lots (generation, delivered_at)');
    await q.query('ALTER TABLE delivered_lots DROP COLUMN campaign_id');
  }
}

const UNREAD_INDEXES = [
  'pledge_lines_month_idx', 'receipt_lots_month_idx', 'allocation_lines_month_idx', 'reserved_lots_month_idx', 'released_lots_month_idx',
  'delivered_lots_month_idx',
];
