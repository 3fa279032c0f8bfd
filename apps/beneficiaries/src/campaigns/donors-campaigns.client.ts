import { Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import { CAMPAIGN_KINDS, campaignEligibilitySchema, campaignTargetSchema, fields } from '@giftflow/contracts';
import { KnownCampaign } from './known-campaign.entity';
import { onBehalfOfCaller } from '@giftflow/platform';

/** The parts of donors' `GET /campaigns/:id` answer we use; fields added by issue #9 may be absent or null. */
const donorsCampaignSchema = z.object({
  id: fields.id,
  name: z.string(),
  startsOn: fields.isoDate,
  endsOn: fields.isoDate,
  kind: z.enum(CAMPAIGN_KINDS).nullish(),
  districtCodes: z.array(fields.code).nullish(),
  eligibility: campaignEligibilitySchema.nullish(),
  targets: z.array(campaignTargetSchema).nullish(),
  status: z.string().nullish(),
  closedAt: z.string().nullish(),
});

/**
 * Asks donors about a campaign beneficiaries has not heard of yet (its CampaignOpened is still on the way),
 * as inventory does for pledges. Only ever a read, made while a user waits; any failure counts as "not found".
 */
@Injectable()
export class DonorsCampaignsClient {
  private readonly logger = new Logger(DonorsCampaignsClient.name);

  async find(campaignId: string): Promise<Omit<KnownCampaign, 'updatedAt'> | null> {
    const base = process.env.DONORS_URL ?? 'http://127.0.0.1:3001';
    try {
      const response = await fetch(`${base}/campaigns/${encodeURIComponent(campaignId)}`, { headers: onBehalfOfCaller(), signal: AbortSignal.timeout(3_000) });
      if (!response.ok) return null;
      const parsed = donorsCampaignSchema.safeParse(await response.json());
      if (!parsed.success) {
        this.logger.warn(`donors answered for campaign ${campaignId} in an unexpected shape: ${parsed.error.message}`);
        return null;
      }
      const c = parsed.data;
      const closed = c.status === 'closed' || !!c.closedAt;
      return {
        id: campaignId, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn, kind: c.kind ?? null,
        districtCodes: c.districtCodes ?? null, eligibility: c.eligibility ?? null, targets: c.targets ?? null,
        closedAt: closed ? new Date(c.closedAt ?? Date.now()) : null, learnedFrom: 'donors',
      };
    } catch (error) {
      this.logger.warn(`could not ask donors about campaign ${campaignId}: ${String(error)}`);
      return null;
    }
  }
}
