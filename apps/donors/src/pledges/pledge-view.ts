import { NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PledgeLine } from './pledge-line.entity';
import { Pledge } from './pledge.entity';

export type PledgeLineView = Pick<PledgeLine, 'itemCode' | 'pledged' | 'received' | 'delivered' | 'unitValueVnd'>;

/** A pledge as the API shows it: the pledge with its lines, in the donor's order. */
export interface PledgeView extends Pledge {
  lines: PledgeLineView[];
}

export const linesOf = (m: EntityManager, pledgeId: string): Promise<PledgeLine[]> =>
  m.find(PledgeLine, { where: { pledgeId }, order: { lineNo: 'ASC' } });

export const pledgeView = (pledge: Pledge, lines: PledgeLine[]): PledgeView => ({
  ...pledge,
  lines: lines.map(({ itemCode, pledged, received, delivered, unitValueVnd }) => ({ itemCode, pledged, received, delivered, unitValueVnd })),
});

export async function findPledgeView(m: EntityManager, id: string): Promise<PledgeView | null> {
  const pledge = await m.findOneBy(Pledge, { id });
  return pledge && pledgeView(pledge, await linesOf(m, id));
}

/**
 * The pledge a command changes, row-locked until its transaction ends (so a GoodsReceived or DeliveryConfirmed
 * handled at the same moment comes either before or after, never between), with its lines; 404 if there is none.
 */
export async function lockPledgeForChange(m: EntityManager, id: string): Promise<{ pledge: Pledge; lines: PledgeLine[] }> {
  const pledge = await m.findOne(Pledge, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!pledge) throw new NotFoundException(`pledge ${id} not found`);
  return { pledge, lines: await linesOf(m, id) };
}
