import { EntityManager } from 'typeorm';
import { Child } from '../../children/child.entity';
import { Candidate, ageOn } from '../../eligibility/eligibility';
import { Institution } from '../../institutions/institution.entity';
import { INSTITUTION_NEED_SCORE, needScore } from '../need-score';
import { PlanCriteria } from '../allocation-plan.entity';

export interface PlanCandidate {
  beneficiaryId: string;
  candidate: Candidate;
  needScore: number;
  reasons: string[];
  registeredAt: Date;
  /** What the tick-off sheet prints. */
  displayName: string;
  birthYear: number | null;
  districtCode: string;
  communeCode: string | null;
  guardianName: string | null;
}

/** Living children (and institutions if asked) that meet the plan's criteria on `on`. The campaign's rules come after. */
export async function planCandidates(m: EntityManager, criteria: PlanCriteria, on: string): Promise<PlanCandidate[]> {
  const q = m.createQueryBuilder(Child, 'c').where('c.merged_into IS NULL').andWhere('c.birth_date <= :on', { on });
  if (criteria.districtCodes?.length) q.andWhere('c.district_code = ANY(:districts)', { districts: criteria.districtCodes });
  if (criteria.communeCodes?.length) q.andWhere('c.commune_code = ANY(:communes)', { communes: criteria.communeCodes });
  if (criteria.circumstancesAny?.length) q.andWhere('c.circumstances && :circumstances::text[]', { circumstances: criteria.circumstancesAny });
  const children = (await q.getMany()).filter((c) => {
    const age = ageOn(c.birthDate, on);
    return (criteria.ageMin === undefined || age >= criteria.ageMin) && (criteria.ageMax === undefined || age <= criteria.ageMax);
  });
  const fromChildren = children.map((c): PlanCandidate => ({
    beneficiaryId: c.id,
    candidate: { kind: 'child', birthDate: c.birthDate, circumstances: c.circumstances, districtCode: c.districtCode },
    ...needScore(c.circumstances),
    registeredAt: c.registeredAt,
    displayName: c.fullName, birthYear: Number(c.birthDate.slice(0, 4)), districtCode: c.districtCode, communeCode: c.communeCode, guardianName: c.guardianName,
  }));
  if (!criteria.includeInstitutions) return fromChildren;
  const iq = m.createQueryBuilder(Institution, 'i');
  if (criteria.districtCodes?.length) iq.where('i.district_code = ANY(:districts)', { districts: criteria.districtCodes });
  const institutions = await iq.getMany();
  return [...fromChildren, ...institutions.map((i): PlanCandidate => ({
    beneficiaryId: i.id,
    candidate: { kind: 'institution', districtCode: i.districtCode },
    needScore: INSTITUTION_NEED_SCORE, reasons: [`institution +${INSTITUTION_NEED_SCORE}`],
    registeredAt: i.registeredAt,
    displayName: i.name, birthYear: null, districtCode: i.districtCode, communeCode: null, guardianName: null,
  }))];
}

export interface GiftHistory {
  /** Categories held in the plan's campaign (not rejected or cancelled). */
  held: Map<string, string[]>;
  /** Gifts in the 12 months up to the plan's date. */
  giftsLast12Months: Map<string, number>;
}

/** Per candidate (its merged records included): what it holds in the campaign and how many gifts it had in the last 12 months. */
export async function giftHistory(m: EntityManager, ids: string[], campaignId: string, on: string): Promise<GiftHistory> {
  const held = new Map<string, string[]>();
  const gifts = new Map<string, number>();
  if (ids.length === 0) return { held, giftsLast12Months: gifts };
  const yearBefore = `${String(Number(on.slice(0, 4)) - 1).padStart(4, '0')}${on.slice(4)}`;
  const rows: { owner: string; campaign_id: string | null; categories: string[]; allocated_on: string }[] = await m.query(
    `SELECT coalesce(c.merged_into, a.beneficiary_id) AS owner, a.campaign_id, a.categories, to_char(a.allocated_on, 'YYYY-MM-DD') AS allocated_on
       FROM allocations a LEFT JOIN children c ON c.id = a.beneficiary_id
      WHERE a.status NOT IN ('rejected', 'cancelled') AND coalesce(c.merged_into, a.beneficiary_id) = ANY($1::uuid[])`,
    [ids],
  );
  for (const r of rows) {
    if (r.campaign_id === campaignId) held.set(r.owner, [...(held.get(r.owner) ?? []), ...r.categories]);
    if (r.allocated_on > yearBefore && r.allocated_on <= on) gifts.set(r.owner, (gifts.get(r.owner) ?? 0) + 1);
  }
  return { held, giftsLast12Months: gifts };
}
