import { ConflictException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DuplicateKeys } from './duplicate-keys';

/**
 * Refuses with 409 `{message, possibleDuplicateOf: [ids]}` when another donor has the same phone, e-mail or tax
 * code, unless the caller confirmed it is not a duplicate. Each key is locked for the rest of the transaction
 * first (in a fixed order), so two registrations of one phone at the same moment cannot both pass.
 */
export async function refusePossibleDuplicates(
  m: EntityManager,
  keys: DuplicateKeys,
  options: { confirmed: boolean; exceptId?: string },
): Promise<void> {
  const named = Object.entries(keys).filter((e): e is [string, string] => e[1] !== null).map(([k, v]) => `donor:${k}:${v}`).sort();
  for (const lock of named) await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lock]);
  if (options.confirmed || named.length === 0) return;

  const rows: { id: string; same: string[] }[] = await m.query(
    `SELECT id, array_remove(ARRAY[
        CASE WHEN phone_key = $1 THEN 'phone' END,
        CASE WHEN email_key = $2 THEN 'email' END,
        CASE WHEN tax_code_key = $3 THEN 'taxCode' END], NULL) AS same
     FROM donors
     WHERE (phone_key = $1 OR email_key = $2 OR tax_code_key = $3) AND ($4::uuid IS NULL OR id <> $4)
     ORDER BY created_at, id`,
    [keys.phoneKey, keys.emailKey, keys.taxCodeKey, options.exceptId ?? null],
  );
  if (rows.length === 0) return;
  const fields = [...new Set(rows.flatMap((r) => r.same))].join(', ');
  throw new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    message: `a donor with the same ${fields} is already registered; send confirmNotDuplicate: true if this is another donor`,
    possibleDuplicateOf: rows.map((r) => r.id),
  });
}
