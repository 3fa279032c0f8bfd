import { ColumnOptions } from 'typeorm';

/** A PostgreSQL bigint column read as a JSON number (amounts and sums of VND stay well below 2^53). */
export const bigintColumn = (name: string, nullable = false): ColumnOptions => ({
  type: 'bigint',
  name,
  nullable,
  transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
});

/** Turns the named bigint fields of raw rows (strings from pg) into numbers. */
export function numbersIn<T extends object>(rows: T[], keys: (keyof T)[]): T[] {
  for (const row of rows) for (const key of keys) if (row[key] !== null && row[key] !== undefined) (row[key] as unknown) = Number(row[key]);
  return rows;
}
