import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@giftflow/messaging';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';
import { heldCategories, lockedBeneficiary } from '../../allocations/beneficiary';
import { itemFacts, recordAllocation } from '../../allocations/record-allocation';
import { KnownCampaigns } from '../../campaigns/known-campaigns';
import { alreadyReceivedRefusal, campaignRefusal } from '../../eligibility/eligibility';
import { eligibilityRefused } from '../../eligibility/eligibility-refused';
import { AllocationPlan, AllocationPlanEntry } from '../allocation-plan.entity';
import { InventoryStockClient } from '../inventory-stock.client';
import { willReceive } from '../need-score';
import { PlanView, planView } from '../plan.view';
import { stockNow } from '../plan-stock';

/**
 * Commits a draft: one allocation (AllocationRequested with the plan's id and date) per roster entry, in rank order,
 * while the stock available now lasts; the roster is frozen from then on. An entry that meanwhile received the
 * category in this campaign is passed over and the next one served.
 */
@Injectable()
export class CommitPlanHandler {
  constructor(
    private readonly uow: UnitOfWork, @InjectDataSource() private readonly db: DataSource, private readonly campaigns: KnownCampaigns,
    private readonly inventory: InventoryStockClient,
  ) {}

  async execute(id: string, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<PlanView>> {
    const draft = await this.db.manager.findOneBy(AllocationPlan, { id });
    if (!draft) throw new NotFoundException(`allocation plan ${id} not found`);
    const alreadyCommitted = () => new ConflictException(`allocation plan ${id} is already committed`);
    // A committed plan with an Idempotency-Key may be a retry of the commit: answerOnce replays it, or the work says 409.
    if (draft.status !== 'draft' && !request) throw alreadyCommitted();
    const prepared = draft.status === 'draft' ? await this.prepare(draft) : null;

    return this.uow.run({ actor }, (tx) => answerOnce(tx.manager, request, async () => {
      const plan = await tx.manager.findOne(AllocationPlan, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (plan!.status !== 'draft' || !prepared) throw alreadyCommitted();
      const { items, stock, categories } = prepared;
      const entries = await tx.manager.find(AllocationPlanEntry, { where: { planId: id }, order: { rank: 'ASC' } });
      const fits = willReceive(entries.length, stock);
      let made = 0;
      for (const entry of entries) {
        if (made >= fits) break;
        const beneficiary = await lockedBeneficiary(tx.manager, entry.beneficiaryId);
        if (!beneficiary) continue;
        if (alreadyReceivedRefusal(beneficiary, categories, await heldCategories(tx.manager, plan!.campaignId, beneficiary.groupIds))) continue;
        const allocation = await recordAllocation(tx, {
          beneficiary, campaignId: plan!.campaignId, warehouseCode: plan!.warehouseCode, lines: plan!.lines, allocatedOn: plan!.allocatedOn,
          planId: id, idempotencyKey: null, items,
        });
        await tx.manager.update(AllocationPlanEntry, { planId: id, rank: entry.rank }, { allocationId: allocation.id });
        made += 1;
      }
      const committed = {
        status: 'committed' as const, committedAt: new Date(), willReceive: made,
        stock: stock.map((s) => ({ itemCode: s.itemCode, available: s.available, needed: s.quantity * entries.length })),
      };
      await tx.manager.update(AllocationPlan, { id }, committed);
      return planView(tx.manager, { ...plan!, ...committed });
    }));
  }

  /** What the commit decides by, read before its transaction: the campaign still open, the items and the stock now. */
  private async prepare(draft: AllocationPlan) {
    const closed = campaignRefusal(await this.campaigns.rulesOf(draft.campaignId), draft.campaignId, draft.allocatedOn);
    if (closed) throw eligibilityRefused(closed);
    const items = await itemFacts(this.db.manager, draft.lines.map((l) => l.itemCode));
    const stock = await stockNow(this.inventory, draft.warehouseCode, draft.lines, items);
    const categories = [...new Set(draft.lines.map((l) => items.get(l.itemCode)!.category))];
    return { items, stock, categories };
  }
}
