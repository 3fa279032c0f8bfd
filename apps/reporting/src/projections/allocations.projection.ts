import { AllocationConfirmedV1, EventOf, StockReservedV1 } from '@giftflow/contracts';
import { AllocationLine } from './allocation-line.entity';
import { lotLineFacts } from './lot-line-fact';
import { ProjectionTarget, insertFacts } from './projection-target';
import { ReservedLot } from './reserved-lot.entity';

/** Allocated quantities per beneficiary and district, for the monthly report. */
export async function recordAllocationLines(event: EventOf<typeof AllocationConfirmedV1>, target: ProjectionTarget): Promise<void> {
  const { generation } = target;
  const { allocationId, beneficiaryId, beneficiaryKind, districtCode, lines } = event.payload;
  const occurredAt = new Date(event.occurredAt);
  insertFacts(target, AllocationLine, lines.map((line, i) => ({
    generation, allocationId, lineNo: i + 1, beneficiaryId, beneficiaryKind, districtCode, itemCode: line.itemCode, quantity: line.quantity, occurredAt,
  })));
}

/** The lots (and so the pledges) an allocation holds stock from, for pledge traces. */
export async function recordReservedLots(event: EventOf<typeof StockReservedV1>, target: ProjectionTarget): Promise<void> {
  const { generation } = target;
  const occurredAt = new Date(event.occurredAt);
  insertFacts(target, ReservedLot, lotLineFacts(event, generation).map((fact) => ({ ...fact, occurredAt })));
}
