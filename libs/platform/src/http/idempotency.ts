import { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';

/**
 * What an earlier request with this Idempotency-Key created, if any. Requests with the same key are
 * serialised by a transaction-scoped advisory lock, so a concurrent retry waits and then finds the first.
 */
export async function createdEarlier<E extends { idempotencyKey: string | null }>(
  m: EntityManager,
  entity: EntityTarget<E>,
  key: string | null,
): Promise<E | null> {
  if (!key) return null;
  await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`idempotency:${key}`]);
  return m.findOneBy(entity, { idempotencyKey: key } as FindOptionsWhere<E>);
}
