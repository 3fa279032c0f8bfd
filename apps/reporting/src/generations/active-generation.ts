import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `read` against the generation reports read, holding the `active_generation` row (FOR SHARE): a swap
 * waits until the read is done, so the generation read is never dropped under it. READ COMMITTED on
 * purpose: a read that waited for a swap then sees the new generation (REPEATABLE READ would fail it).
 */
export function readActiveGeneration<T>(dataSource: DataSource, read: (manager: EntityManager, generation: number) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    const [{ generation }]: { generation: number }[] = await manager.query('SELECT generation FROM active_generation FOR SHARE');
    return read(manager, generation);
  });
}
