import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CampaignOpenedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';
import { Campaign } from '../campaign.entity';
import { campaignOpenedPayload } from '../campaign.view';
import { OpenCampaignDto } from './open-campaign.dto';

@Injectable()
export class OpenCampaignHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: OpenCampaignDto, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<Campaign>> {
    return this.uow.run({ actor }, (tx) =>
      answerOnce(tx.manager, request, async () => {
        const eligibility = body.eligibility && {
          ...(body.eligibility.circumstancesAny && { circumstancesAny: [...new Set(body.eligibility.circumstancesAny)] }),
          ...(body.eligibility.ageMin !== undefined && { ageMin: body.eligibility.ageMin }),
          ...(body.eligibility.ageMax !== undefined && { ageMax: body.eligibility.ageMax }),
        };
        const campaign: Campaign = {
          id: randomUUID(),
          name: body.name.trim(),
          kind: body.kind ?? 'other',
          startsOn: body.startsOn,
          endsOn: body.endsOn,
          status: 'open',
          districtCodes: body.districtCodes ? [...new Set(body.districtCodes)] : null,
          eligibility: eligibility ?? null,
          targets: (body.targets ?? []).map(({ category, quantity }) => ({ category, quantity })),
          createdAt: new Date(),
          closedAt: null,
        };
        await tx.manager.insert(Campaign, campaign);
        tx.publish(CampaignOpenedV1, campaign.id, campaignOpenedPayload(campaign));
        return campaign;
      }),
    );
  }
}
