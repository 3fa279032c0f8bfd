import { ConflictException } from '@nestjs/common';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Inserts a row keyed by a code; 409 with `conflict` when the code is already taken (race-free: ON CONFLICT). */
export async function insertNew<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, row: T, conflict: string): Promise<T> {
  const result = await manager.createQueryBuilder().insert().into(entity).values({ ...row }).orIgnore().returning('*').execute();
  if ((result.raw as unknown[]).length === 0) throw new ConflictException(conflict);
  return row;
}
