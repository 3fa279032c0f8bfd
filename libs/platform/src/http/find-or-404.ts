import { NotFoundException } from '@nestjs/common';
import { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';

/** The row with this id, or 404 "<what> <id> not found". */
export async function findOr404<E extends { id: string }>(m: EntityManager, entity: EntityTarget<E>, id: string, what: string): Promise<E> {
  const row = await m.findOneBy(entity, { id } as FindOptionsWhere<E>);
  if (!row) throw new NotFoundException(`${what} ${id} not found`);
  return row;
}
