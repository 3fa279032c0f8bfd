import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@giftflow/messaging';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';
import { businessDate } from '../../allocations/business-date';
import { allocationKind, itemFacts } from '../../allocations/record-allocation';
import { KnownCampaigns } from '../../campaigns/known-campaigns';
import { Clock } from '../../clock/clock';
import { alreadyReceivedRefusal, beneficiaryRefusal, campaignRefusal } from '../../eligibility/eligibility';
import { eligibilityRefused } from '../../eligibility/eligibility-refused';
import { AllocationPlan, AllocationPlanEntry } from '../allocation-plan.entity';
import { InventoryStockClient } from '../inventory-stock.client';
import { rankByNeed, willReceive } from '../need-score';
import { PlanView, planView } from '../plan.view';
import { stockNow } from '../plan-stock';
import { giftHistory, planCandidates } from './plan-candidates';
import { PreviewPlanDto } from './preview-plan.dto';

/**
 * A draft plan: everyone meeting the criteria and the campaign's rules, ranked by need (then fewer recent gifts,
 * then registration order), capped by maxBeneficiaries; how many the stock available now serves. Nothing is
 * published: the plan allocates when committed.
 */
@Injectable()
export class PreviewPlanHandler {
  constructor(
    private readonly uow: UnitOfWork, @InjectDataSource() private readonly db: DataSource, private readonly campaigns: KnownCampaigns,
    private readonly inventory: InventoryStockClient, private readonly clock: Clock,
  ) {}

  async execute(body: PreviewPlanDto, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<PlanView>> {
    const on = businessDate(body.allocatedOn, this.clock.today(), 'allocatedOn');
    const campaign = await this.campaigns.rulesOf(body.campaignId);
    const closed = campaignRefusal(campaign, body.campaignId, on);
    if (closed) throw eligibilityRefused(closed);
    const lines = body.lines.map(({ itemCode, quantity }) => ({ itemCode, quantity }));
    const items = await itemFacts(this.db.manager, lines.map((l) => l.itemCode));
    allocationKind(lines, items);
    const categories = [...new Set(lines.map((l) => items.get(l.itemCode)!.category))];
    const stock = await stockNow(this.inventory, body.warehouseCode, lines, items);

    return this.uow.run({ actor }, (tx) => answerOnce(tx.manager, request, async () => {
      const candidates = await planCandidates(tx.manager, body.criteria, on);
      const history = await giftHistory(tx.manager, candidates.map((c) => c.beneficiaryId), body.campaignId, on);
      const excluded: { beneficiaryId: string; reason: string }[] = [];
      const eligible = candidates.flatMap((c) => {
        const refusal = beneficiaryRefusal(campaign!, c.candidate, on) ?? alreadyReceivedRefusal(c.candidate, categories, history.held.get(c.beneficiaryId) ?? []);
        if (refusal) {
          excluded.push({ beneficiaryId: c.beneficiaryId, reason: refusal.rule });
          return [];
        }
        return [{ ...c, giftsLast12Months: history.giftsLast12Months.get(c.beneficiaryId) ?? 0 }];
      });
      const ranked = rankByNeed(eligible);
      const roster = body.maxBeneficiaries ? ranked.slice(0, body.maxBeneficiaries) : ranked;
      for (const c of ranked.slice(roster.length)) excluded.push({ beneficiaryId: c.beneficiaryId, reason: 'max_beneficiaries' });

      const plan: AllocationPlan = {
        id: randomUUID(), campaignId: body.campaignId, name: body.name?.trim() ?? null, warehouseCode: body.warehouseCode, lines,
        criteria: body.criteria, maxBeneficiaries: body.maxBeneficiaries ?? null, allocatedOn: on, status: 'draft', excluded,
        stock: stock.map((s) => ({ itemCode: s.itemCode, available: s.available, needed: s.quantity * roster.length })),
        willReceive: willReceive(roster.length, stock), idempotencyKey: null, createdAt: new Date(), committedAt: null,
      };
      await tx.manager.insert(AllocationPlan, plan);
      const entries: AllocationPlanEntry[] = roster.map((c) => ({
        planId: plan.id, rank: c.rank, beneficiaryId: c.beneficiaryId, beneficiaryKind: c.candidate.kind, needScore: c.needScore,
        reasons: c.reasons, giftsLast12Months: c.giftsLast12Months, displayName: c.displayName, birthYear: c.birthYear,
        districtCode: c.districtCode, communeCode: c.communeCode, guardianName: c.guardianName, allocationId: null,
      }));
      for (let i = 0; i < entries.length; i += 500) await tx.manager.insert(AllocationPlanEntry, entries.slice(i, i + 500));
      return planView(tx.manager, plan);
    }));
  }
}
