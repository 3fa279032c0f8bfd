import { Logger } from '@nestjs/common';
import { OutboxTransaction } from '@giftflow/messaging';
import { PledgeLine } from '../pledge-line.entity';
import { Pledge } from '../pledge.entity';
import { linesOf } from '../pledge-view';
import { pledgeStatusOf, publishStatusChange } from '../pledge-status';

const logger = new Logger('PledgeProgress');

/**
 * Adds received or delivered quantities to a pledge's lines (under a lock on the pledge row, so concurrent
 * events and a cancel are serialised), moves its status on and publishes PledgeStatusChanged when it
 * changes. A pledge donors never recorded means a corrupt stream: throw, so the event is retried and then
 * dead-lettered rather than silently dropped. The consumer's inbox makes a redelivered event a no-op.
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
  const lines = await linesOf(tx.manager, pledgeId);

  const added = new Map<string, number>(); // one event may carry several lots of one item
  for (const { itemCode, quantity } of quantities) added.set(itemCode, (added.get(itemCode) ?? 0) + quantity);
  for (const [itemCode, quantity] of added) {
    const line = lines.find((l) => l.itemCode === itemCode);
    if (!line) {
      // Inventory refuses items that are not on the pledge, so this is unexpected, but not worth a DLQ.
      logger.warn(`${cause.type} ${cause.id}: ${itemCode} is not on pledge ${pledgeId}; not counted`);
      continue;
    }
    line[field] += quantity;
    await tx.manager.update(PledgeLine, { pledgeId, lineNo: line.lineNo }, field === 'received' ? { received: line.received } : { delivered: line.delivered });
  }
  if (pledge.status === 'cancelled' || pledge.status === 'closed') {
    logger.warn(`${cause.type} ${cause.id}: pledge ${pledgeId} was ${pledge.status}; counted, status unchanged`);
  }

  const status = pledgeStatusOf(pledge.status, lines);
  await tx.manager.update(Pledge, { id: pledgeId }, { status, updatedAt: new Date() });
  publishStatusChange(tx, pledgeId, pledge.status, status);
}
