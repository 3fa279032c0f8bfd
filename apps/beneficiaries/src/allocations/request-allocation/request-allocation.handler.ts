import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { UnitOfWork } from '@giftflow/messaging';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';
import { KnownCampaigns } from '../../campaigns/known-campaigns';
import { Clock } from '../../clock/clock';
import { eligibilityRefusal } from '../../eligibility/eligibility';
import { eligibilityRefused } from '../../eligibility/eligibility-refused';
import { Allocation, AllocationView, allocationView } from '../allocation.entity';
import { findBeneficiary, heldCategories, lockedBeneficiary } from '../beneficiary';
import { businessDate } from '../business-date';
import { itemFacts, recordAllocation } from '../record-allocation';
import { RequestAllocationDto } from './request-allocation.dto';

/**
 * Saga step 1: checks the campaign's rules at the allocation's date, records the allocation as requested and
 * asks inventory (AllocationRequested) to reserve its stock; services are confirmed at once.
 */
@Injectable()
export class RequestAllocationHandler {
  constructor(private readonly uow: UnitOfWork, private readonly campaigns: KnownCampaigns, private readonly clock: Clock) {}

  async execute(body: RequestAllocationDto, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<AllocationView>> {
    const allocatedOn = businessDate(body.allocatedOn, this.clock.today(), 'allocatedOn');
    // Outside the transaction: an unseen campaign may take one HTTP call to donors.
    const campaign = body.campaignId ? await this.campaigns.rulesOf(body.campaignId) : null;
    return this.uow.run({ actor }, (tx) => answerOnce(tx.manager, request, async () => {
      // With a campaign, its rules are decided under the beneficiary's lock.
      const beneficiary = body.campaignId ? await lockedBeneficiary(tx.manager, body.beneficiaryId) : await findBeneficiary(tx.manager, body.beneficiaryId);
      if (!beneficiary) throw new UnprocessableEntityException(`beneficiary ${body.beneficiaryId} not found`);
      const items = await itemFacts(tx.manager, body.lines.map((l) => l.itemCode));
      if (body.campaignId) {
        const refusal = eligibilityRefusal({
          campaignId: body.campaignId, campaign, on: allocatedOn, beneficiary,
          categories: [...new Set(body.lines.map((l) => items.get(l.itemCode)!.category))],
          heldCategories: await heldCategories(tx.manager, body.campaignId, beneficiary.groupIds),
        });
        if (refusal) throw eligibilityRefused(refusal);
      }
      const allocation = await recordAllocation(tx, {
        beneficiary, campaignId: body.campaignId ?? null, warehouseCode: body.warehouseCode ?? null, lines: body.lines,
        allocatedOn, planId: null, idempotencyKey: null, items,
      });
      return allocationView(allocation);
    }));
  }
}
