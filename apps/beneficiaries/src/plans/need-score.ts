import { CIRCUMSTANCES } from '@giftflow/contracts';

/**
 * How much each circumstance adds to a child's need score (documented in docs/api.md, "Allocation plans"). A child
 * alone or unsafe comes first, then illness and disability, then the household's poverty; a child's score is the
 * sum over its circumstances. An institution counts as INSTITUTION_NEED_SCORE (children in care, none at home).
 */
export const NEED_WEIGHTS: Record<(typeof CIRCUMSTANCES)[number], number> = {
  orphan: 5,
  abandoned: 5,
  street_child: 5,
  violence_victim: 4,
  disabled: 4,
  serious_illness: 4,
  hiv_affected: 4,
  drug_affected: 3,
  poor_household: 3,
  near_poor_household: 2,
  ethnic_minority: 1,
  other: 1,
};

export const INSTITUTION_NEED_SCORE = 5;

export interface NeedScore {
  needScore: number;
  /** Each circumstance that counted and its weight, heaviest first: "orphan +5". */
  reasons: string[];
}

export function needScore(circumstances: readonly string[]): NeedScore {
  const counted = [...new Set(circumstances)]
    .filter((c): c is keyof typeof NEED_WEIGHTS => c in NEED_WEIGHTS)
    .sort((a, b) => NEED_WEIGHTS[b] - NEED_WEIGHTS[a] || a.localeCompare(b));
  return { needScore: counted.reduce((sum, c) => sum + NEED_WEIGHTS[c], 0), reasons: counted.map((c) => `${c} +${NEED_WEIGHTS[c]}`) };
}

export interface RankCandidate {
  beneficiaryId: string;
  needScore: number;
  /** Gifts (allocations not rejected or cancelled) in the 12 months before the plan's date. */
  giftsLast12Months: number;
  registeredAt: Date;
}

/** Most in need first; ties: fewer gifts in the last 12 months, then registered earlier (then id, for a stable order). */
export function rankByNeed<C extends RankCandidate>(candidates: readonly C[]): (C & { rank: number })[] {
  return [...candidates]
    .sort((a, b) =>
      b.needScore - a.needScore
      || a.giftsLast12Months - b.giftsLast12Months
      || a.registeredAt.getTime() - b.registeredAt.getTime()
      || a.beneficiaryId.localeCompare(b.beneficiaryId))
    .map((c, i) => ({ ...c, rank: i + 1 }));
}

export interface StockLine {
  itemCode: string;
  /** null for a service (not stocked): no limit. */
  available: number | null;
  /** Per beneficiary. */
  quantity: number;
}

/** How many of the roster the stock serves now, in rank order: every line must fit for a beneficiary to receive. */
export function willReceive(rosterSize: number, stock: readonly StockLine[]): number {
  return stock.reduce((n, line) => (line.available === null ? n : Math.min(n, Math.floor(line.available / line.quantity))), rosterSize);
}
