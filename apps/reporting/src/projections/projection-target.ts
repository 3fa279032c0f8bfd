import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** Where a projection writes: the consumer's transaction (inbox row included) and the generation it builds. */
export interface ProjectionTarget {
  manager: EntityManager;
  generation: number;
}

/** One multi-row INSERT (PITFALLS 19); a fact already recorded stays as it was. */
export async function insertFacts<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: QueryDeepPartialEntity<T>[]): Promise<void> {
  await manager.createQueryBuilder().insert().into(entity).values(rows).orIgnore().execute();
}
