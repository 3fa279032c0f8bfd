import { Injectable } from '@nestjs/common';
import { EventOf, PledgeCancelledV1 } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';

/** A cancelled pledge takes no more receipts (409). */
@Injectable()
export class MarkPledgeCancelledWhenPledgeCancelledConsumer implements EventHandler<typeof PledgeCancelledV1> {
  async handle(event: EventOf<typeof PledgeCancelledV1>, tx: OutboxTransaction): Promise<void> {
    // Inserted when unknown, so a PledgeRecorded arriving later cannot reopen it.
    await tx.manager.query(
      `INSERT INTO known_pledges (pledge_id, status, recorded_at, cancelled_at) VALUES ($1, 'cancelled', $2, $2)
       ON CONFLICT (pledge_id) DO UPDATE SET status = 'cancelled', cancelled_at = EXCLUDED.cancelled_at`,
      [event.payload.pledgeId, event.occurredAt],
    );
  }
}
