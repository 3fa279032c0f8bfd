import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CampaignRules } from '../eligibility/eligibility';
import { DonorsCampaignsClient } from './donors-campaigns.client';
import { KnownCampaign, campaignRules } from './known-campaign.entity';

/** A campaign's rules: from beneficiaries' copy, else (once) from donors, kept for next time. null if neither knows it. */
@Injectable()
export class KnownCampaigns {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly donors: DonorsCampaignsClient) {}

  async rulesOf(campaignId: string): Promise<CampaignRules | null> {
    const known = await this.db.manager.findOneBy(KnownCampaign, { id: campaignId });
    if (known) return campaignRules(known);
    const found = await this.donors.find(campaignId);
    if (!found) return null;
    // The event may have landed meanwhile: it wins.
    await this.db.createQueryBuilder().insert().into(KnownCampaign).values({ ...found, updatedAt: new Date() }).orIgnore().execute();
    return campaignRules((await this.db.manager.findOneByOrFail(KnownCampaign, { id: campaignId })));
  }
}
