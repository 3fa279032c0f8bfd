import { Injectable } from '@nestjs/common';
import { CampaignOpenedV1, EventOf } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { KnownCampaign } from './known-campaign.entity';

/** Keeps the campaign's dates, districts and eligibility for the allocation rules (a closing learned earlier stays). */
@Injectable()
export class LearnCampaignWhenCampaignOpenedConsumer implements EventHandler<typeof CampaignOpenedV1> {
  async handle(event: EventOf<typeof CampaignOpenedV1>, tx: OutboxTransaction): Promise<void> {
    const p = event.payload;
    await tx.manager.createQueryBuilder().insert().into(KnownCampaign).values({
      id: p.campaignId, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn, kind: p.kind ?? 'other',
      districtCodes: p.districtCodes ?? null, eligibility: p.eligibility ?? null, targets: p.targets ?? null,
      closedAt: null, learnedFrom: 'event', updatedAt: new Date(),
    }).orUpdate(['name', 'starts_on', 'ends_on', 'kind', 'district_codes', 'eligibility', 'targets', 'learned_from', 'updated_at'], ['id']).execute();
  }
}
