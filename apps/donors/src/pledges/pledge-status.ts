import { PLEDGE_STATUSES, PledgeStatusChangedV1 } from '@giftflow/contracts';
import { OutboxTransaction } from '@giftflow/messaging';
import { PledgeLine } from './pledge-line.entity';
import { PledgeStatus } from './pledge.entity';

type Progress = Pick<PledgeLine, 'pledged' | 'received' | 'delivered'>;

/**
 * Where a pledge stands from its lines: fulfilled once everything pledged has been delivered, received once
 * it is all in the warehouse, partially_received once anything is. A cancelled or closed pledge stays as it is.
 */
export function pledgeStatusOf(current: PledgeStatus, lines: Progress[]): PledgeStatus {
  if (current === 'cancelled' || current === 'closed') return current;
  if (lines.every((l) => l.delivered >= l.pledged)) return 'fulfilled';
  if (lines.every((l) => l.received >= l.pledged)) return 'received';
  if (lines.some((l) => l.received > 0)) return 'partially_received';
  return 'pledged';
}

type ContractStatus = (typeof PLEDGE_STATUSES)[number];
const inContract = (s: PledgeStatus): s is ContractStatus => s !== 'closed';

/**
 * Publishes PledgeStatusChanged when the status moved. A move to or from `closed` is not one: PledgeClosed
 * announces it (and a closed pledge never moves again).
 */
export function publishStatusChange(tx: OutboxTransaction, pledgeId: string, from: PledgeStatus, to: PledgeStatus): void {
  if (from !== to && inContract(from) && inContract(to)) tx.publish(PledgeStatusChangedV1, pledgeId, { pledgeId, from, to });
}
