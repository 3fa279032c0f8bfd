import { CampaignClosedV1, CampaignOpenedV1, EventOf } from '@giftflow/contracts';
import { CAMPAIGNS, CAMPAIGN_CLOSURES } from './fact-tables';
import { ProjectionTarget, insertFacts } from './projection-target';

export function recordCampaign(event: EventOf<typeof CampaignOpenedV1>, target: ProjectionTarget): void {
  const { campaignId, name, startsOn, endsOn, kind, districtCodes, targets } = event.payload;
  insertFacts(target, CAMPAIGNS, [{
    generation: target.generation, campaign_id: campaignId, name, kind: kind ?? 'other', starts_on: startsOn, ends_on: endsOn,
    district_codes: districtCodes ?? [], targets: targets ?? [], occurred_at: event.occurredAt,
  }]);
}

export function recordCampaignClosure(event: EventOf<typeof CampaignClosedV1>, target: ProjectionTarget): void {
  insertFacts(target, CAMPAIGN_CLOSURES, [
    { generation: target.generation, campaign_id: event.payload.campaignId, closed_at: event.payload.closedAt, occurred_at: event.occurredAt },
  ]);
}
