import { Logger } from '@nestjs/common';
import { PledgeStatusChangedV1 } from '@giftflow/contracts';
import { OutboxTransaction } from '@giftflow/messaging';
import { Pledge, PledgeLine } from '../pledge.entity';
import { pledgeStatusOf } from '../pledge-status';

const logger = new Logger('PledgeProgress');

/**
 * Adds received or delivered quantities to a pledge's lines (under a row lock), moves its status on and
 * publishes PledgeStatusChanged when it changes. A pledge donors never recorded means a corrupt stream: throw,
 * so the event is retried and then dead-lettered rather than silently dropped.
 */
export async function recordPledgeProgress(
  tx: OutboxTransaction,
  cause: { id: string; type: string },
  pledgeId: string,
  field: 'received' | 'delivered',
  quantities: { itemCode: string; quantity: number }[],
): Promise<void> {
  const pledge = await tx.manager.findOne(Pledge, { where: { id: pledgeId }, lock: { mode: 'pessimistic_write' } });
  if (!pledge) throw new Error(`${cause.type} ${cause.id} is for pledge ${pledgeId}, which donors never recorded`);
  const lines: PledgeLine[] = pledge.lines.map((l) => ({ ...l }));
  for (const { itemCode, quantity } of quantities) {
    const line = lines.find((l) => l.itemCode === itemCode);
    if (!line) {
      logger.warn(`${cause.type} ${cause.id}: ${itemCode} is not on pledge ${pledgeId}; not counted`);
      continue;
    }
    line[field] += quantity;
  }
  const status = pledgeStatusOf(pledge.status, lines);
  await tx.manager.update(Pledge, { id: pledgeId }, { lines, status, updatedAt: new Date() });
  if (status !== pledge.status) tx.publish(PledgeStatusChangedV1, pledgeId, { pledgeId, from: pledge.status, to: status });
}
