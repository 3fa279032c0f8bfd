/** Months are the fund's months (DESIGN: Asia/Ho_Chi_Minh, UTC+7, no daylight saving). */
export const FUND_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The category of an item no ItemRegistered has named yet; it moves to its category when one arrives. */
export const UNCATEGORISED = 'uncategorised';

/**
 * Settings for the period reports' one big statement, in their read transaction:
 * - no JIT: compiling the plan of a statement this size costs seconds, the statement itself milliseconds;
 * - no nested loops: CTE row estimates are guesses (and a freshly built generation has no statistics yet), and a
 *   nested loop over a CTE guessed at one row is quadratic; hash joins cost little at a province's sizes;
 * - sorts and hashes of a half-year's facts in memory.
 */
export async function tuneForPeriodReport(manager: { query(sql: string): Promise<unknown> }): Promise<void> {
  await manager.query(`SET LOCAL jit = off; SET LOCAL enable_nestloop = off; SET LOCAL work_mem = '64MB'`);
}
