import { EventOf, PledgeAmendedV1, PledgeCancelledV1, PledgeClosedV1, PledgeRecordedV1 } from '@giftflow/contracts';
import { PLEDGE_AMENDMENTS, PLEDGE_CANCELLATIONS, PLEDGE_CLOSURES, PLEDGE_LINES } from './fact-tables';
import { ProjectionTarget, fundDateOf, insertFacts } from './projection-target';

/** What was promised, placed on the pledge's business date (pledgedOn; absent: the day it was recorded). */
export function recordPledgeLines(event: EventOf<typeof PledgeRecordedV1>, target: ProjectionTarget): void {
  const { generation } = target;
  const { pledgeId, donorId, campaignId, lines, pledgedOn } = event.payload;
  const pledged_on = pledgedOn ?? fundDateOf(event.occurredAt);
  insertFacts(target, PLEDGE_LINES, lines.map((line, i) => ({
    generation, pledge_id: pledgeId, line_no: i + 1, item_code: line.itemCode, quantity: line.quantity, unit_value_vnd: line.unitValueVnd,
    occurred_at: event.occurredAt, donor_id: donorId, campaign_id: campaignId, pledged_on,
  })));
}

/** The pledge's whole new set of lines; reports read the latest amendment recorded by their as-of instant. */
export function recordPledgeAmendment(event: EventOf<typeof PledgeAmendedV1>, target: ProjectionTarget): void {
  const { generation } = target;
  insertFacts(target, PLEDGE_AMENDMENTS, event.payload.lines.map((line, i) => ({
    generation, event_id: event.id, line_no: i + 1, pledge_id: event.payload.pledgeId, item_code: line.itemCode, quantity: line.quantity,
    unit_value_vnd: line.unitValueVnd, occurred_at: event.occurredAt,
  })));
}

/** Donors allows a cancellation only before any goods arrive, so nothing but the pledged figures depends on it. */
export function recordPledgeCancellation(event: EventOf<typeof PledgeCancelledV1>, target: ProjectionTarget): void {
  insertFacts(target, PLEDGE_CANCELLATIONS, [
    { generation: target.generation, pledge_id: event.payload.pledgeId, reason: event.payload.reason, occurred_at: event.occurredAt },
  ]);
}

/** A partly received pledge closed: what was not received is forgiven (donor statements show it). */
export function recordPledgeClosure(event: EventOf<typeof PledgeClosedV1>, target: ProjectionTarget): void {
  insertFacts(target, PLEDGE_CLOSURES, [
    { generation: target.generation, pledge_id: event.payload.pledgeId, reason: event.payload.reason, occurred_at: event.occurredAt },
  ]);
}
