import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { tuneForPeriodReport } from '../../report-conventions';
import { BUILD_MONTHS_SQL, CREATE_EDGE_ROLLUPS_SQL, EDGE_ROLLUPS, MONTH_ROLLUPS, NUMBER_BENEFICIARIES_SQL, TAKE_CHANGES_SQL } from './month-rollups.sql';

/**
 * The build's bitmaps are ORed per breakdown row and block by hashing, not sorting: the planner, guessing hundreds of
 * thousands of groups where there are thousands, sorted ~270,000 rows by their text keys (1.05 s against 0.70 s for a
 * 200,000-event generation's 13 months).
 */
const HASH_THE_BITMAPS = 'SET LOCAL enable_sort = off';

/** pg_advisory_lock's first key for a generation's month rollups (the second is the generation). */
const ROLLUP_LOCK_CLASS = 0x11cb;

/**
 * Runs `work` in one REPEATABLE READ transaction holding the generation's rollup lock: the rollups it builds and the
 * summary it reads from them are of one snapshot, and two summaries never build the same months at once (a summary
 * waits `waitMs` at most: behind a generation's whole build it reads the facts instead). The lock is a
 * session lock taken before the transaction begins, so the snapshot is taken after any other builder committed (a
 * transaction-level lock would be granted after the snapshot was taken, and its writes would then conflict).
 */
export async function withMonthRollups<T>(
  dataSource: DataSource, generation: number, work: (manager: EntityManager) => Promise<T>, waitMs = 0,
): Promise<T> {
  const runner: QueryRunner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // Waits at most waitMs for a builder (0: as long as it takes); then lock_not_available (55P03).
    await runner.query(`SET lock_timeout = ${Math.max(0, Math.round(waitMs))}`);
    try {
      await runner.query('SELECT pg_advisory_lock($1, $2)', [ROLLUP_LOCK_CLASS, generation]);
    } finally {
      await runner.query('SET lock_timeout = 0');
    }
    try {
      await runner.startTransaction('REPEATABLE READ');
      try {
        const result = await work(runner.manager);
        await runner.commitTransaction();
        return result;
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      }
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1, $2)', [ROLLUP_LOCK_CLASS, generation]);
    }
  } finally {
    await runner.release();
  }
}

/**
 * Brings the rollups of `months` (first days, 'YYYY-MM-01') up to this transaction's snapshot: the chunks' changes are
 * taken (stale months unbuilt), then every wanted month not built is built from the facts. With `months` 'changed',
 * the months the changes named are wanted (the end of a rebuild: every month with facts). Returns the months built.
 * Must run inside withMonthRollups.
 */
export async function refreshMonthRollups(manager: EntityManager, generation: number, months: string[] | 'changed'): Promise<string[]> {
  // The changes' keys are looked up by index (a handful of ids between two summaries; at a rebuild's end, nothing is built).
  await manager.query('SET LOCAL jit = off; SET LOCAL enable_nestloop = on');
  const [{ named }]: { named: string[] }[] = await manager.query(TAKE_CHANGES_SQL, [generation]);
  const wanted = months === 'changed' ? named : months;
  if (wanted.length === 0) return [];
  const rows: { month: string }[] = await manager.query(
    `SELECT to_char(m, 'YYYY-MM-DD') AS month FROM unnest($2::date[]) AS m
      WHERE NOT EXISTS (SELECT 1 FROM summary_months b WHERE b.generation = $1 AND b.month = m) ORDER BY m`, [generation, wanted]);
  const toBuild = rows.map((r) => r.month);
  if (toBuild.length === 0) return [];
  await tuneForPeriodReport(manager);
  for (const table of ['summary_month_sums', 'summary_month_reach']) {
    await manager.query(`DELETE FROM ${table} WHERE generation = $1 AND month = ANY($2::date[])`, [generation, toBuild]);
  }
  const from = toBuild[0];
  const to = lastDayOf(toBuild[toBuild.length - 1]);
  await manager.query(NUMBER_BENEFICIARIES_SQL, [generation, from, to]);
  await manager.query(HASH_THE_BITMAPS);
  await manager.query(BUILD_MONTHS_SQL(MONTH_ROLLUPS), [generation, from, to, null, null, null, null, toBuild]);
  return toBuild;
}

/**
 * The rollups of a period's partial months (its first days before a whole month, its last days after one), built from
 * their facts into temporary tables the summary reads with the month rollups: their cost is the edge days' facts.
 * Must run inside withMonthRollups, after refreshMonthRollups.
 */
export async function buildEdgeRollups(manager: EntityManager, generation: number, edges: Edge[]): Promise<void> {
  if (edges.length === 0) return;
  await manager.query(CREATE_EDGE_ROLLUPS_SQL);
  await tuneForPeriodReport(manager);
  await manager.query(HASH_THE_BITMAPS);
  for (const { from, to } of edges) {
    await manager.query(NUMBER_BENEFICIARIES_SQL, [generation, from, to]);
    await manager.query(BUILD_MONTHS_SQL(EDGE_ROLLUPS), [generation, from, to, null, null, null, null, [`${from.slice(0, 7)}-01`]]);
  }
}

export interface Edge {
  from: string;
  to: string;
}

/**
 * A period cut into the whole months it covers (first days) and the partial months at its ends (edges): 2026-01-15 to
 * 2026-06-20 is February to May, and 15–31 January and 1–20 June.
 */
export function periodBuckets(from: string, to: string): { months: string[]; edges: Edge[] } {
  const months: string[] = [];
  const edges: Edge[] = [];
  for (let first = `${from.slice(0, 7)}-01`; first <= to; first = nextMonth(first)) {
    const last = lastDayOf(first);
    const start = first < from ? from : first;
    const end = last > to ? to : last;
    if (start === first && end === last) months.push(first);
    else edges.push({ from: start, to: end });
  }
  return { months, edges };
}

function nextMonth(first: string): string {
  const [y, m] = first.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

function lastDayOf(day: string): string {
  const [y, m] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}
