import { PledgeLine } from './pledge-line.entity';
import { PledgeStatus } from './pledge.entity';

type Progress = Pick<PledgeLine, 'pledged' | 'received' | 'delivered'>;

/**
 * Where a pledge stands from its lines: fulfilled once everything pledged has been delivered, received once
 * it is all in the warehouse, partially_received once anything is. A cancelled pledge stays cancelled.
 */
export function pledgeStatusOf(current: PledgeStatus, lines: Progress[]): PledgeStatus {
  if (current === 'cancelled') return current;
  if (lines.every((l) => l.delivered >= l.pledged)) return 'fulfilled';
  if (lines.every((l) => l.received >= l.pledged)) return 'received';
  if (lines.some((l) => l.received > 0)) return 'partially_received';
  return 'pledged';
}
