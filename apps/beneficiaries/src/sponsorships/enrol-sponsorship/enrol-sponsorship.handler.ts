import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SponsorshipEnrolledV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';
import { findBeneficiary } from '../../allocations/beneficiary';
import { KnownCampaigns } from '../../campaigns/known-campaigns';
import { KnownDonors } from '../../donors/known-donors';
import { campaignRefusal } from '../../eligibility/eligibility';
import { eligibilityRefused } from '../../eligibility/eligibility-refused';
import { EnrolSponsorshipDto } from './enrol-sponsorship.dto';
import { Sponsorship, SponsorshipView, sponsorshipView } from '../sponsorship.entity';
import { enrolmentDate, sponsorshipTerms } from '../sponsorship-schedule';

export const DEFAULT_UNTIL_AGE = 16;

/** A donor sponsors a registered child monthly until the age limit: SponsorshipEnrolled (ids and codes only). */
@Injectable()
export class EnrolSponsorshipHandler {
  constructor(
    private readonly uow: UnitOfWork, private readonly donors: KnownDonors, private readonly campaigns: KnownCampaigns,
  ) {}

  async execute(body: EnrolSponsorshipDto, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<SponsorshipView>> {
    if (!(await this.donors.exists(body.donorId))) throw new UnprocessableEntityException(`donor ${body.donorId} not found`);
    if (body.campaignId) {
      // Checked on the day the sponsorship starts (paper records may start in a past campaign's months), as an
      // allocation is on its allocatedOn.
      const rules = await this.campaigns.rulesOf(body.campaignId);
      const refusal = campaignRefusal(rules, body.campaignId, enrolmentDate(body.startMonth, rules?.startsOn));
      if (refusal) throw eligibilityRefused(refusal);
    }
    return this.uow.run({ actor }, (tx) => answerOnce(tx.manager, request, async () => {
      const child = await findBeneficiary(tx.manager, body.childId);
      if (!child || child.kind !== 'child') throw new UnprocessableEntityException(`child ${body.childId} not found`);
      const untilAge = body.untilAge ?? DEFAULT_UNTIL_AGE;
      const terms = sponsorshipTerms({ birthDate: child.birthDate, untilAge, startMonth: body.startMonth, endMonth: body.endMonth });
      if (!terms.ok) throw new UnprocessableEntityException(terms.message);
      const sponsorship: Sponsorship = {
        id: randomUUID(), donorId: body.donorId, childId: child.id, districtCode: child.districtCode, monthlyAmountVnd: body.monthlyAmountVnd,
        startMonth: body.startMonth, endMonth: terms.endMonth, untilAge, campaignId: body.campaignId ?? null, status: 'active',
        cancelReason: null, cancelledOn: null, endedAt: null, idempotencyKey: null, createdAt: new Date(),
      };
      await tx.manager.insert(Sponsorship, sponsorship);
      tx.publish(SponsorshipEnrolledV1, sponsorship.id, {
        sponsorshipId: sponsorship.id, donorId: sponsorship.donorId, beneficiaryId: sponsorship.childId, districtCode: sponsorship.districtCode,
        monthlyAmountVnd: sponsorship.monthlyAmountVnd, startMonth: sponsorship.startMonth, endMonth: sponsorship.endMonth, campaignId: sponsorship.campaignId,
      });
      return sponsorshipView(sponsorship);
    }));
  }
}
