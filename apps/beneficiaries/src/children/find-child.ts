import { NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Child } from './child.entity';

/** The child with this id; a record merged away resolves to the one it lives on as. null if neither exists. */
export async function findLivingChild(m: EntityManager, id: string): Promise<Child | null> {
  const child = await m.findOneBy(Child, { id });
  if (!child?.mergedInto) return child;
  return m.findOneBy(Child, { id: child.mergedInto });
}

export async function livingChildOr404(m: EntityManager, id: string): Promise<Child> {
  const child = await findLivingChild(m, id);
  if (!child) throw new NotFoundException(`child ${id} not found`);
  return child;
}

/** The ids that are this (living) child: its own and every record merged into it. */
export async function childGroupIds(m: EntityManager, id: string): Promise<string[]> {
  const merged: { id: string }[] = await m.query('SELECT id FROM children WHERE merged_into = $1 ORDER BY registered_at', [id]);
  return [id, ...merged.map((r) => r.id)];
}
