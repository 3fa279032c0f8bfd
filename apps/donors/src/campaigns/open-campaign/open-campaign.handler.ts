import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CampaignOpenedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { Created, claimIdempotencyKey } from '../../idempotency/claim-idempotency-key';
import { Campaign } from '../campaign.entity';
import { OpenCampaignDto } from './open-campaign.dto';

@Injectable()
export class OpenCampaignHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: OpenCampaignDto, actor: string, idempotencyKey: string | null): Promise<Created<Campaign>> {
    return this.uow.run({ actor }, async (tx) => {
      const id = randomUUID();
      const earlier = await claimIdempotencyKey(tx.manager, { scope: 'campaigns', key: idempotencyKey, body, resourceId: id });
      if (earlier) return { view: await tx.manager.findOneByOrFail(Campaign, { id: earlier }), replayed: true };
      const campaign: Campaign = { id, name: body.name.trim(), startsOn: body.startsOn, endsOn: body.endsOn, createdAt: new Date() };
      await tx.manager.insert(Campaign, campaign);
      tx.publish(CampaignOpenedV1, campaign.id, { campaignId: campaign.id, name: campaign.name, startsOn: campaign.startsOn, endsOn: campaign.endsOn });
      return { view: campaign, replayed: false };
    });
  }
}
