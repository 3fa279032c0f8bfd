import {
  DeliveryConfirmedV1, DeliveryConfirmedV2, DeliveryFailedV1, DeliveryFailedV2, EventOf, GiftReturnedV1, ShipmentDispatchedV1, StockAdjustedV1,
  StockReleasedV1,
} from '@giftflow/contracts';
import { DELIVERED_LOTS, DELIVERY_FAILURES, DISPATCHES, GIFT_RETURNS, RELEASED_LOTS, STOCK_ADJUSTMENTS, lockCampaignLinks } from './fact-tables';
import { ProjectionTarget, fundDateOf, insertFacts } from './projection-target';

type Delivery = EventOf<typeof DeliveryConfirmedV1> | EventOf<typeof DeliveryConfirmedV2>;

/**
 * Placed by when the child got the gift (v2 happenedAt, v1 deliveredAt), not when the record was sent: a delivery
 * synced days later still counts in its own month. Service lines (v2) come from no lot and no pledge.
 */
export function recordDeliveredLots(event: Delivery, target: ProjectionTarget): void {
  const { generation } = target;
  const { allocationId, beneficiaryId, beneficiaryKind, districtCode, relationship, lines } = event.payload;
  const deliveredAt = 'happenedAt' in event.payload ? event.payload.happenedAt : event.payload.deliveredAt;
  const delivered_on = fundDateOf(deliveredAt);
  insertFacts(target, DELIVERED_LOTS, lines.map((line, i) => ({
    generation, event_id: event.id, line_no: i + 1, allocation_id: allocationId, lot_id: line.lotId, pledge_id: line.pledgeId,
    item_code: line.itemCode, quantity: line.quantity, beneficiary_id: beneficiaryId, beneficiary_kind: beneficiaryKind, district_code: districtCode,
    unit_value_vnd: line.unitValueVnd, delivered_at: deliveredAt, delivered_on, occurred_at: event.occurredAt, relationship,
    campaign_id: null, // the request's, looked up as the row is written (DELIVERED_LOTS) or linked when the request comes later
  })));
}

/**
 * Puts on the deliveries of these allocations, written before their request was projected, the campaign of that request
 * (the first request's, as `requested_lines` keeps it). Called at the end of every chunk that projected requests; a
 * delivery whose request was projected before it got its campaign as it was written (`DELIVERED_LOTS`). Both sides take
 * `lockCampaignLinks` first, so whichever of a delivery and its request commits second links them.
 */
export async function linkDeliveryCampaigns({ manager, generation }: ProjectionTarget, allocationIds: string[]): Promise<void> {
  if (allocationIds.length === 0) return;
  await lockCampaignLinks(manager, generation);
  // Driven by the chunk's allocations, each request looked up once by its key (a materialized list, so the planner can
  // neither walk every request of the generation nor run the lookup once per delivery): a generation being rebuilt has
  // no statistics yet, and plainer forms of this statement were planned that way, a replay slowing as it grew
  // (BENCHMARKS.md, "Second round").
  await manager.query(
    `WITH links AS MATERIALIZED (
       SELECT k.id, (SELECT r.campaign_id FROM requested_lines r WHERE r.generation = $1 AND r.allocation_id = k.id AND r.line_no = 1) AS campaign_id
         FROM unnest($2::uuid[]) AS k(id))
     UPDATE delivered_lots d SET campaign_id = l.campaign_id FROM links l
      WHERE l.campaign_id IS NOT NULL AND d.generation = $1 AND d.allocation_id = l.id AND d.campaign_id IS NULL`,
    [generation, allocationIds]);
}

export function recordDispatch(event: EventOf<typeof ShipmentDispatchedV1>, target: ProjectionTarget): void {
  const happened = event.payload.happenedAt ?? event.payload.dispatchedAt;
  insertFacts(target, DISPATCHES, [{
    generation: target.generation, event_id: event.id, allocation_id: event.payload.allocationId, dispatched_on: fundDateOf(happened),
    happened_at: happened, occurred_at: event.occurredAt,
  }]);
}

export function recordDeliveryFailure(event: EventOf<typeof DeliveryFailedV1> | EventOf<typeof DeliveryFailedV2>, target: ProjectionTarget): void {
  const happened = 'happenedAt' in event.payload ? event.payload.happenedAt : event.payload.failedAt;
  // v1 carried free text; only v2's codes are kept.
  const reason = event.version === 2 ? event.payload.reason : 'other';
  insertFacts(target, DELIVERY_FAILURES, [{
    generation: target.generation, event_id: event.id, allocation_id: event.payload.allocationId, reason, failed_on: fundDateOf(happened),
    happened_at: happened, occurred_at: event.occurredAt,
  }]);
}

/** A delivered gift that came back (restocked or written off), on the day it came back. */
export function recordGiftReturn(event: EventOf<typeof GiftReturnedV1>, target: ProjectionTarget): void {
  const { returnId, allocationId, beneficiaryId, lines, reason, restocked, happenedAt } = event.payload;
  insertFacts(target, GIFT_RETURNS, lines.map((line, i) => ({
    generation: target.generation, event_id: event.id, line_no: i + 1, return_id: returnId, allocation_id: allocationId, beneficiary_id: beneficiaryId,
    item_code: line.itemCode, quantity: line.quantity, lot_id: line.lotId, unit_value_vnd: line.unitValueVnd, reason, restocked,
    returned_on: fundDateOf(happenedAt), happened_at: happenedAt, occurred_at: event.occurredAt,
  })));
}

/** Reserved stock back on the shelf after a failed or cancelled delivery. */
export function recordReleasedLots(event: EventOf<typeof StockReleasedV1>, target: ProjectionTarget): void {
  insertFacts(target, RELEASED_LOTS, event.payload.lines.map((line, i) => ({
    generation: target.generation, event_id: event.id, line_no: i + 1, allocation_id: event.payload.allocationId, lot_id: line.lotId,
    pledge_id: line.pledgeId, item_code: line.itemCode, quantity: line.quantity, occurred_at: event.occurredAt, reason: event.payload.reason,
  })));
}

export function recordStockAdjustment(event: EventOf<typeof StockAdjustedV1>, target: ProjectionTarget): void {
  const p = event.payload;
  insertFacts(target, STOCK_ADJUSTMENTS, [{
    generation: target.generation, event_id: event.id, adjustment_id: p.adjustmentId, warehouse_code: p.warehouseCode, item_code: p.itemCode,
    lot_id: p.lotId, pledge_id: p.pledgeId, quantity: p.quantity, unit_value_vnd: p.unitValueVnd, reason: p.reason,
    adjusted_on: fundDateOf(event.occurredAt), occurred_at: event.occurredAt,
  }]);
}
