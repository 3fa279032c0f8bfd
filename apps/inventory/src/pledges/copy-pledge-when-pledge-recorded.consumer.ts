import { Injectable } from '@nestjs/common';
import { EventOf, PledgeRecordedV1 } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';

/** Keeps the local copy of a pledge, so receipts can be checked without asking donors. */
@Injectable()
export class CopyPledgeWhenPledgeRecordedConsumer implements EventHandler<typeof PledgeRecordedV1> {
  async handle(event: EventOf<typeof PledgeRecordedV1>, tx: OutboxTransaction): Promise<void> {
    const { pledgeId, donorId, campaignId, lines } = event.payload;
    // The status is left alone on conflict: a cancellation seen first stays a cancellation. The pledge and its lines
    // in one statement (a round trip per event is most of a consumer's cost when events come one at a time); the
    // lines' foreign key is checked at the end of the statement, when the pledge row is there.
    await tx.manager.query(
      `WITH pledge AS (
         INSERT INTO known_pledges (pledge_id, donor_id, campaign_id, status, recorded_at) VALUES ($1, $2, $3, 'pledged', $4)
         ON CONFLICT (pledge_id) DO UPDATE SET donor_id = EXCLUDED.donor_id, campaign_id = EXCLUDED.campaign_id, recorded_at = EXCLUDED.recorded_at)
       INSERT INTO known_pledge_lines (pledge_id, line_no, item_code, quantity, unit_value_vnd)
       SELECT $1, l.line_no, l.item_code, l.quantity, l.unit_value_vnd
         FROM unnest($5::integer[], $6::text[], $7::integer[], $8::bigint[]) AS l(line_no, item_code, quantity, unit_value_vnd)
       ON CONFLICT DO NOTHING`,
      [
        pledgeId, donorId, campaignId, event.occurredAt,
        lines.map((_, i) => i + 1), lines.map((l) => l.itemCode), lines.map((l) => l.quantity), lines.map((l) => l.unitValueVnd ?? null),
      ],
    );
  }
}
