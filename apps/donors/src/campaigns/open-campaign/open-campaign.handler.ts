import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CampaignOpenedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { createdEarlier } from '@giftflow/platform';
import { Campaign, CampaignView, campaignView } from '../campaign.entity';
import { OpenCampaignDto } from './open-campaign.dto';

@Injectable()
export class OpenCampaignHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: OpenCampaignDto, actor: string, idempotencyKey: string | null): Promise<CampaignView> {
    return this.uow.run({ actor }, async (tx) => {
      const earlier = await createdEarlier(tx.manager, Campaign, idempotencyKey);
      if (earlier) return campaignView(earlier);
      const campaign: Campaign = {
        id: randomUUID(), name: body.name.trim(), startsOn: body.startsOn, endsOn: body.endsOn, idempotencyKey, createdAt: new Date(),
      };
      await tx.manager.insert(Campaign, campaign);
      tx.publish(CampaignOpenedV1, campaign.id, { campaignId: campaign.id, name: campaign.name, startsOn: campaign.startsOn, endsOn: campaign.endsOn });
      return campaignView(campaign);
    });
  }
}
