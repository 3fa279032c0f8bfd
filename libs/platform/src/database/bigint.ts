import { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL `bigint` (and `sum()`, which is `numeric`) comes back from `pg` as a string. Money and sums are
 * 64-bit in the database but JSON numbers in every answer: whole VND stay exact up to 2^53 - 1 (9 million
 * billion VND), far above any sum the fund holds; beyond that this throws rather than answer a wrong figure.
 */
export function toSafeNumber(value: string | number | bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`${value} is not a whole number a JSON number holds exactly`);
  return n;
}

/** For `@Column('bigint', { transformer: bigintAsNumber })`: a number in the entity, bigint in the database. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? value : toSafeNumber(value)),
};
