import { ColumnOptions } from 'typeorm';
import { bigintAsNumber } from '@giftflow/platform';

/** A PostgreSQL bigint column read as a JSON number (the shared bigintAsNumber: exact up to 2^53 - 1, else it throws). */
export const bigintColumn = (name: string, nullable = false): ColumnOptions => ({
  type: 'bigint',
  name,
  nullable,
  transformer: bigintAsNumber,
});

/** Turns the named bigint fields of raw rows (strings from pg) into numbers. */
export function numbersIn<T extends object>(rows: T[], keys: (keyof T)[]): T[] {
  for (const row of rows) for (const key of keys) if (row[key] !== null && row[key] !== undefined) (row[key] as unknown) = Number(row[key]);
  return rows;
}
