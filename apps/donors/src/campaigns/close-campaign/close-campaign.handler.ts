import { Injectable, NotFoundException } from '@nestjs/common';
import { CampaignClosedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { Campaign } from '../campaign.entity';

/**
 * Closes a campaign: from now on it takes no new pledge (409 here) and no allocation (beneficiaries, from
 * CampaignClosed). The row is locked, so a pledge recorded at the same moment either comes first or is refused.
 * Closing again answers the closed campaign and publishes nothing.
 */
@Injectable()
export class CloseCampaignHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(id: string, actor: string): Promise<Campaign> {
    return this.uow.run({ actor }, async (tx) => {
      const campaign = await tx.manager.findOne(Campaign, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!campaign) throw new NotFoundException(`campaign ${id} not found`);
      if (campaign.status === 'closed') return campaign;
      const closed: Campaign = { ...campaign, status: 'closed', closedAt: new Date() };
      await tx.manager.update(Campaign, { id }, { status: closed.status, closedAt: closed.closedAt });
      tx.publish(CampaignClosedV1, id, { campaignId: id, closedAt: closed.closedAt!.toISOString() });
      return closed;
    });
  }
}
