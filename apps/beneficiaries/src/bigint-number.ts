import { ValueTransformer } from 'typeorm';

/** PostgreSQL bigint (pg hands it over as a string) ↔ a JSON number: amounts are answered as numbers. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
