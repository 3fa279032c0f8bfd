import { EventOf, CampaignOpenedV1 } from '@giftflow/contracts';
import { Campaign } from './campaign.entity';

/** CampaignOpened for a campaign: its rules are carried only when it has them (absent = no restriction). */
export function campaignOpenedPayload(c: Campaign): EventOf<typeof CampaignOpenedV1>['payload'] {
  return {
    campaignId: c.id, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn, kind: c.kind,
    ...(c.districtCodes && { districtCodes: c.districtCodes }),
    ...(c.eligibility && { eligibility: c.eligibility }),
    ...(c.targets.length > 0 && { targets: c.targets }),
  };
}
