import { EventOf, StockReleasedV1 } from '@giftflow/contracts';
import { lotLineFacts } from './lot-line-fact';
import { ProjectionTarget, insertFacts } from './projection-target';
import { ReleasedLot } from './released-lot.entity';

export async function recordReleasedLots(event: EventOf<typeof StockReleasedV1>, target: ProjectionTarget): Promise<void> {
  const { generation } = target;
  const occurredAt = new Date(event.occurredAt);
  insertFacts(target, ReleasedLot, lotLineFacts(event, generation).map((fact) => ({ ...fact, reason: event.payload.reason, occurredAt })));
}
