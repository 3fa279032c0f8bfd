import { Injectable } from '@nestjs/common';
import { CampaignClosedV1, EventOf } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';

/** A closed campaign takes no new allocation (rule campaign_closed), even one whose CampaignOpened is not here yet. */
@Injectable()
export class MarkCampaignClosedWhenCampaignClosedConsumer implements EventHandler<typeof CampaignClosedV1> {
  async handle(event: EventOf<typeof CampaignClosedV1>, tx: OutboxTransaction): Promise<void> {
    const { campaignId, closedAt } = event.payload;
    await tx.manager.query(
      `INSERT INTO known_campaigns (id, closed_at, learned_from, updated_at) VALUES ($1, $2, 'event', now())
       ON CONFLICT (id) DO UPDATE SET closed_at = coalesce(known_campaigns.closed_at, EXCLUDED.closed_at), updated_at = now()`,
      [campaignId, closedAt],
    );
  }
}
