import {
  AllocationCancelledV1, AllocationConfirmedV1, AllocationRejectedV1, AllocationRequestedV1, EventOf, StockReservedV1,
} from '@giftflow/contracts';
import { ALLOCATION_LINES, ALLOCATION_OUTCOMES, REQUESTED_LINES, RESERVED_LOTS } from './fact-tables';
import { ProjectionTarget, fundDateOf, insertFacts } from './projection-target';

/**
 * What was allocated to whom, for which campaign, on the allocation's business date (allocatedOn; absent: the day
 * it was recorded). A retry after a failed delivery requests the same allocation again: its first request stands.
 */
export function recordRequestedLines(event: EventOf<typeof AllocationRequestedV1>, target: ProjectionTarget): void {
  const { generation } = target;
  const { allocationId, beneficiaryId, beneficiaryKind, districtCode, campaignId, planId, lines, allocatedOn } = event.payload;
  const allocated_on = allocatedOn ?? fundDateOf(event.occurredAt);
  insertFacts(target, REQUESTED_LINES, lines.map((line, i) => ({
    generation, allocation_id: allocationId, line_no: i + 1, beneficiary_id: beneficiaryId, beneficiary_kind: beneficiaryKind,
    district_code: districtCode, campaign_id: campaignId, plan_id: planId ?? null, item_code: line.itemCode, quantity: line.quantity,
    allocated_on, occurred_at: event.occurredAt,
  })));
}

/** Committed: the stock is held (or, for services, nothing needs holding). */
export function recordAllocationLines(event: EventOf<typeof AllocationConfirmedV1>, target: ProjectionTarget): void {
  const { generation } = target;
  const { allocationId, beneficiaryId, beneficiaryKind, districtCode, lines } = event.payload;
  insertFacts(target, ALLOCATION_LINES, lines.map((line, i) => ({
    generation, allocation_id: allocationId, line_no: i + 1, beneficiary_id: beneficiaryId, beneficiary_kind: beneficiaryKind,
    district_code: districtCode, item_code: line.itemCode, quantity: line.quantity, occurred_at: event.occurredAt,
  })));
}

export function recordAllocationRejected(event: EventOf<typeof AllocationRejectedV1>, target: ProjectionTarget): void {
  insertFacts(target, ALLOCATION_OUTCOMES, [{
    generation: target.generation, event_id: event.id, allocation_id: event.payload.allocationId, outcome: 'rejected',
    reason: event.payload.reason, occurred_at: event.occurredAt,
  }]);
}

export function recordAllocationCancelled(event: EventOf<typeof AllocationCancelledV1>, target: ProjectionTarget): void {
  insertFacts(target, ALLOCATION_OUTCOMES, [{
    generation: target.generation, event_id: event.id, allocation_id: event.payload.allocationId, outcome: 'cancelled',
    reason: event.payload.reason, occurred_at: event.occurredAt,
  }]);
}

/** The lots (and so the pledges) an allocation holds stock from, for pledge traces. */
export function recordReservedLots(event: EventOf<typeof StockReservedV1>, target: ProjectionTarget): void {
  const { generation } = target;
  insertFacts(target, RESERVED_LOTS, event.payload.lines.map((line, i) => ({
    generation, event_id: event.id, line_no: i + 1, allocation_id: event.payload.allocationId, lot_id: line.lotId, pledge_id: line.pledgeId,
    item_code: line.itemCode, quantity: line.quantity, occurred_at: event.occurredAt,
  })));
}
