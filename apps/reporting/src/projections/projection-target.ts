import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Fact rows gathered while a run of events is applied, written by `flush` with one multi-row INSERT per table
 * (docs/backbone.md, trap 19): a replay of millions of events then costs a round trip per chunk, not per event.
 */
export class FactBatch {
  private readonly rows = new Map<EntityTarget<ObjectLiteral>, ObjectLiteral[]>();

  add<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: QueryDeepPartialEntity<T>[]): void {
    const list = this.rows.get(entity) ?? [];
    list.push(...(rows as ObjectLiteral[]));
    this.rows.set(entity, list);
  }

  /** A fact already recorded stays as it was (ON CONFLICT DO NOTHING), also within one statement. */
  async flush(manager: EntityManager): Promise<void> {
    for (const [entity, rows] of this.rows) {
      for (let start = 0; start < rows.length; start += 1000) {
        await manager.createQueryBuilder().insert().into(entity).values(rows.slice(start, start + 1000)).orIgnore().execute();
      }
    }
    this.rows.clear();
  }
}

/** Where a projection writes: the consumer's transaction (inbox row included), the generation it builds, its facts. */
export interface ProjectionTarget {
  manager: EntityManager;
  generation: number;
  facts: FactBatch;
}

/** Queues fact rows; they are written when the run of events being applied is done. */
export function insertFacts<T extends ObjectLiteral>(target: ProjectionTarget, entity: EntityTarget<T>, rows: QueryDeepPartialEntity<T>[]): void {
  target.facts.add(entity, rows);
}
