import { EventOf, PledgeRecordedV1 } from '@giftflow/contracts';
import { PledgeLine } from './pledge-line.entity';
import { ProjectionTarget, insertFacts } from './projection-target';

export async function recordPledgeLines(event: EventOf<typeof PledgeRecordedV1>, target: ProjectionTarget): Promise<void> {
  const { generation } = target;
  const { pledgeId, lines } = event.payload;
  const occurredAt = new Date(event.occurredAt);
  insertFacts(target, PledgeLine, lines.map((line, i) => ({
    generation, pledgeId, lineNo: i + 1, itemCode: line.itemCode, quantity: line.quantity, unitValueVnd: line.unitValueVnd, occurredAt,
  })));
}
