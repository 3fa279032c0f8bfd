import { EntityManager, In } from 'typeorm';
import { Allocation, AllocationStatus } from '../allocations/allocation.entity';
import { AllocationPlan, AllocationPlanEntry, PlanCriteria, PlanStock } from './allocation-plan.entity';

export interface RosterLine {
  beneficiaryId: string;
  beneficiaryKind: 'child' | 'institution';
  rank: number;
  needScore: number;
  reasons: string[];
  giftsLast12Months: number;
  /** null while the plan is a draft, or for an entry the stock did not reach. */
  allocationId: string | null;
  /** The allocation's status; "waiting" for an entry the committed plan could not serve; null in a draft. */
  status: AllocationStatus | 'waiting' | null;
}

export interface PlanView {
  id: string;
  campaignId: string;
  name: string | null;
  warehouseCode: string;
  lines: { itemCode: string; quantity: number }[];
  criteria: PlanCriteria;
  maxBeneficiaries: number | null;
  allocatedOn: string;
  status: 'draft' | 'committed';
  roster: RosterLine[];
  excluded: { beneficiaryId: string; reason: string }[];
  stock: PlanStock[];
  willReceive: number;
  willWait: number;
  progress: Record<'requested' | 'confirmed' | 'rejected' | 'dispatched' | 'delivered' | 'failed' | 'cancelled', number>;
  createdAt: Date;
  committedAt: Date | null;
}

/** The plan with its frozen roster, each entry's allocation and status, and how far the allocations have got. */
export async function planView(m: EntityManager, plan: AllocationPlan): Promise<PlanView> {
  const entries = await m.find(AllocationPlanEntry, { where: { planId: plan.id }, order: { rank: 'ASC' } });
  const allocationIds = entries.flatMap((e) => (e.allocationId ? [e.allocationId] : []));
  const allocations = allocationIds.length ? await m.find(Allocation, { where: { id: In(allocationIds) }, select: { id: true, status: true } }) : [];
  const statusOf = new Map(allocations.map((a) => [a.id, a.status]));
  const progress = { requested: 0, confirmed: 0, rejected: 0, dispatched: 0, delivered: 0, failed: 0, cancelled: 0 };
  for (const a of allocations) progress[a.status] += 1;
  const committed = plan.status === 'committed';
  return {
    id: plan.id, campaignId: plan.campaignId, name: plan.name, warehouseCode: plan.warehouseCode, lines: plan.lines, criteria: plan.criteria,
    maxBeneficiaries: plan.maxBeneficiaries, allocatedOn: plan.allocatedOn, status: plan.status,
    roster: entries.map((e) => ({
      beneficiaryId: e.beneficiaryId, beneficiaryKind: e.beneficiaryKind, rank: e.rank, needScore: e.needScore, reasons: e.reasons,
      giftsLast12Months: e.giftsLast12Months, allocationId: e.allocationId,
      status: e.allocationId ? statusOf.get(e.allocationId)! : committed ? 'waiting' : null,
    })),
    excluded: plan.excluded, stock: plan.stock, willReceive: plan.willReceive, willWait: entries.length - plan.willReceive,
    progress, createdAt: plan.createdAt, committedAt: plan.committedAt,
  };
}
