import { DeliveryConfirmedV1, EventOf } from '@giftflow/contracts';
import { DeliveredLot } from './delivered-lot.entity';
import { lotLineFacts } from './lot-line-fact';
import { ProjectionTarget, insertFacts } from './projection-target';

/** Bucketed by deliveredAt, when the child got the gift, not when the volunteer's record was sent. */
export async function recordDeliveredLots(event: EventOf<typeof DeliveryConfirmedV1>, target: ProjectionTarget): Promise<void> {
  const { generation } = target;
  const { beneficiaryId, beneficiaryKind, districtCode, lines } = event.payload;
  const deliveredAt = new Date(event.payload.deliveredAt);
  insertFacts(target, DeliveredLot, lotLineFacts(event, generation).map((fact, i) => ({
    ...fact, beneficiaryId, beneficiaryKind, districtCode, unitValueVnd: lines[i].unitValueVnd, deliveredAt,
  })));
}
