import { DataSource, EntityManager } from 'typeorm';

/** Every read model table; each holds one partition per generation, `<table>_g<N>`. */
export const PROJECTION_TABLES = [
  'catalogue_items', 'pledge_lines', 'pledge_cancellations', 'receipt_lots', 'allocation_lines', 'reserved_lots', 'delivered_lots', 'released_lots',
  'pledge_amendments', 'pledge_closures', 'campaigns', 'campaign_closures', 'requested_lines', 'allocation_outcomes', 'dispatches',
  'delivery_failures', 'gift_returns', 'stock_adjustments', 'beneficiary_versions', 'beneficiary_merges', 'sponsorships',
  'sponsorship_stops', 'sponsorship_instalments',
  // The summary's month rollups (reports/summary/rollups): kept with, and dropped with, the facts they are built from.
  'summary_changes', 'summary_months', 'summary_month_sums', 'summary_month_reach', 'summary_beneficiary_numbers',
] as const;

export async function createGenerationPartitions(manager: EntityManager, generation: number): Promise<void> {
  const g = checked(generation);
  for (const table of PROJECTION_TABLES) {
    await manager.query(`CREATE TABLE IF NOT EXISTS ${table}_g${g} PARTITION OF ${table} FOR VALUES IN (${g})`);
  }
}

/** Dropping a partition is instant, where deleting a generation's rows would rewrite the tables. */
export async function dropGenerationPartitions(manager: EntityManager, generation: number): Promise<void> {
  const g = checked(generation);
  for (const table of PROJECTION_TABLES) await manager.query(`DROP TABLE IF EXISTS ${table}_g${g}`);
}

function checked(generation: number): number {
  if (!Number.isSafeInteger(generation) || generation < 1) throw new Error(`not a generation: ${generation}`);
  return generation;
}

/**
 * Takes every read model table (ACCESS EXCLUSIVE: creating or dropping a partition needs it) in one statement, waiting
 * at most `waitMs` for it. Reports lock the partitions they read one by one, in the planner's order, so DDL holding
 * some tables while waiting for others could deadlock with one; giving up before PostgreSQL's deadlock check (1 s)
 * means a report is never the victim. Live consumers' inserts hold the tables only for their chunk's transaction.
 * Tries `attempts` times; false if the tables stayed busy.
 */
export async function lockProjectionTables(manager: EntityManager, attempts = 1, waitMs = 400): Promise<boolean> {
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    await manager.query('SAVEPOINT lock_projection_tables');
    try {
      await manager.query(`SET LOCAL lock_timeout = '${Math.round(waitMs)}ms'`);
      await manager.query(`LOCK TABLE ${PROJECTION_TABLES.join(', ')} IN ACCESS EXCLUSIVE MODE`);
      await manager.query('SET LOCAL lock_timeout = 0');
      return true;
    } catch (error) {
      if ((error as { code?: string }).code !== '55P03') throw error; // lock_not_available: the wait ran out
      await manager.query('ROLLBACK TO SAVEPOINT lock_projection_tables');
    }
  }
  return false;
}

/** Statistics for a generation just built, so the planner does not guess its first reports (autovacuum would, later). */
export async function analyzeGenerationPartitions(
  dataSource: DataSource, generation: number, tables: readonly (typeof PROJECTION_TABLES)[number][] = PROJECTION_TABLES,
): Promise<void> {
  const g = checked(generation);
  await dataSource.query(`ANALYZE ${tables.map((table) => `${table}_g${g}`).join(', ')}`);
}
