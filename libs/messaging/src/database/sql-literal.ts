import { escapeLiteral } from 'pg';

/**
 * A string as an SQL literal for the simple query protocol (which has no parameters), so that a statement can travel
 * with its transaction's START TRANSACTION or COMMIT in one round trip: pg's escapeLiteral (quotes doubled, E'' when
 * there are backslashes). A NUL would end the query string on the wire; PostgreSQL refuses it in text anyway (22021),
 * bound or not, so it is refused here the same way.
 */
export function sqlLiteral(value: string): string {
  if (value.includes('\0')) throw Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
  return escapeLiteral(value);
}

/**
 * Statements of up to this many rows travel as literals with their transaction's START TRANSACTION or COMMIT (the
 * consumer's inbox rows, the outbox's rows); longer ones are bound, a round trip of their own: as literals, a
 * 500-row statement cost PostgreSQL ~2 µs per row more than bound parameters (BENCHMARKS.md, third round).
 */
export const LITERAL_ROWS_PER_ROUND_TRIP = 100;
