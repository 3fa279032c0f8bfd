import { EntityManager } from 'typeorm';
import { childGroupIds, findLivingChild } from '../children/find-child';
import { Institution } from '../institutions/institution.entity';

/** A child or an institution as allocations see it. `groupIds`: its own id and every record merged into it. */
export type Beneficiary =
  | { id: string; kind: 'child'; districtCode: string; birthDate: string; circumstances: string[]; groupIds: string[] }
  | { id: string; kind: 'institution'; districtCode: string; groupIds: string[] };

/** The beneficiary with this id (a merged-away child resolves to the one it was merged into), or null. */
export async function findBeneficiary(m: EntityManager, id: string): Promise<Beneficiary | null> {
  const child = await findLivingChild(m, id);
  if (child) {
    const groupIds = await childGroupIds(m, child.id);
    return { id: child.id, kind: 'child', districtCode: child.districtCode, birthDate: child.birthDate, circumstances: child.circumstances, groupIds };
  }
  const institution = await m.findOneBy(Institution, { id });
  return institution && { id: institution.id, kind: 'institution', districtCode: institution.districtCode, groupIds: [institution.id] };
}

/**
 * The beneficiary, locked until the transaction ends, so concurrent allocation decisions for the same child see
 * each other's allocations (the one-per-category rule holds under concurrency). A row lock on its record: unlike
 * advisory locks, row locks take no room in PostgreSQL's shared lock table, so a plan committing thousands of
 * allocations in one transaction cannot run out of it. A merge locks the same rows; if one merged the record away
 * while we waited, we resolve again and lock the survivor (whose group no merge can change while we hold it).
 */
export async function lockedBeneficiary(m: EntityManager, id: string): Promise<Beneficiary | null> {
  for (;;) {
    const found = await findBeneficiary(m, id);
    if (!found) return null;
    await m.query(`SELECT 1 FROM ${found.kind === 'child' ? 'children' : 'institutions'} WHERE id = $1 FOR UPDATE`, [found.id]);
    const now = await findBeneficiary(m, id);
    if (now?.id === found.id) return now;
  }
}

/** Categories the beneficiary (any record of its group) holds in the campaign: allocations not rejected or cancelled. */
export async function heldCategories(m: EntityManager, campaignId: string, groupIds: string[]): Promise<string[]> {
  const rows: { category: string }[] = await m.query(
    `SELECT DISTINCT unnest(categories) AS category FROM allocations
      WHERE campaign_id = $1 AND beneficiary_id = ANY($2::uuid[]) AND status NOT IN ('rejected', 'cancelled')`,
    [campaignId, groupIds],
  );
  return rows.map((r) => r.category);
}
