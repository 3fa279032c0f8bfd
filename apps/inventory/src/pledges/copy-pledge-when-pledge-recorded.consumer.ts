import { Injectable } from '@nestjs/common';
import { EventOf, PledgeRecordedV1 } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { KnownPledgeLine } from './known-pledge-line.entity';

/** Keeps the local copy of a pledge, so receipts can be checked without asking donors. */
@Injectable()
export class CopyPledgeWhenPledgeRecordedConsumer implements EventHandler<typeof PledgeRecordedV1> {
  async handle(event: EventOf<typeof PledgeRecordedV1>, tx: OutboxTransaction): Promise<void> {
    const { pledgeId, donorId, campaignId, lines } = event.payload;
    // The status is left alone on conflict: a cancellation seen first stays a cancellation.
    await tx.manager.query(
      `INSERT INTO known_pledges (pledge_id, donor_id, campaign_id, status, recorded_at) VALUES ($1, $2, $3, 'pledged', $4)
       ON CONFLICT (pledge_id) DO UPDATE SET donor_id = EXCLUDED.donor_id, campaign_id = EXCLUDED.campaign_id, recorded_at = EXCLUDED.recorded_at`,
      [pledgeId, donorId, campaignId, event.occurredAt],
    );
    const rows = lines.map((l, i) => ({ pledgeId, lineNo: i + 1, itemCode: l.itemCode, quantity: l.quantity, unitValueVnd: l.unitValueVnd }));
    await tx.manager.createQueryBuilder().insert().into(KnownPledgeLine).values(rows).orIgnore().execute();
  }
}
