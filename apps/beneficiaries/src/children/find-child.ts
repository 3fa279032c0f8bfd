import { NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Child } from './child.entity';

/**
 * The child with id $1, or the one it was merged into (a record merged away resolves to the one it lives on as),
 * as the entity's columns give it (birth_date as text). Raw SQL: GET /children/:id is a hot read (bench:api) and the
 * query builder of two findOneBy cost more CPU than the statement.
 */
const LIVING_CHILD = `SELECT id, full_name AS "fullName", search_name AS "searchName", birth_date::text AS "birthDate", sex,
         district_code AS "districtCode", commune_code AS "communeCode", circumstances, guardian_name AS "guardianName",
         guardian_phone AS "guardianPhone", idempotency_key AS "idempotencyKey", registered_at AS "registeredAt",
         merged_into AS "mergedInto", merged_at AS "mergedAt"
    FROM children WHERE id = coalesce((SELECT merged_into FROM children WHERE id = $1), $1)`;

/** The child with this id; a record merged away resolves to the one it lives on as. null if neither exists. */
export async function findLivingChild(m: EntityManager, id: string): Promise<Child | null> {
  const [child]: Child[] = await m.query(LIVING_CHILD, [id]);
  return child ?? null;
}

export async function livingChildOr404(m: EntityManager, id: string): Promise<Child> {
  const child = await findLivingChild(m, id);
  if (!child) throw new NotFoundException(`child ${id} not found`);
  return child;
}

/**
 * livingChildOr404, and the read written to the access log (child_record_reads: the living child's id, who read
 * it) in the same statement: one round trip, no explicit transaction, and no log row when there is no child.
 */
export async function readLivingChildOr404(m: EntityManager, id: string, readBy: string): Promise<Child> {
  const [child]: Child[] = await m.query(
    `WITH child AS (${LIVING_CHILD}),
          logged AS (INSERT INTO child_record_reads (child_id, read_by) SELECT id, $2 FROM child)
     SELECT * FROM child`,
    [id, readBy],
  );
  if (!child) throw new NotFoundException(`child ${id} not found`);
  return child;
}

/** The ids that are this (living) child: its own and every record merged into it. */
export async function childGroupIds(m: EntityManager, id: string): Promise<string[]> {
  const merged: { id: string }[] = await m.query('SELECT id FROM children WHERE merged_into = $1 ORDER BY registered_at', [id]);
  return [id, ...merged.map((r) => r.id)];
}
