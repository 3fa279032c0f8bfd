import { NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { toSafeNumber } from '@giftflow/platform';
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

/** A pledge row joined with one of its lines (the line's columns null for a pledge without lines). */
interface PledgeWithLineRow extends Pledge {
  lineNo: number | null;
  itemCode: string | null;
  pledged: string | null;
  received: string | null;
  delivered: string | null;
  unitValueVnd: string | null;
}

/**
 * The pledge with its lines in one raw statement: GET /pledges/:id is a hot read (bench:api), and the query builder
 * behind findOneBy + find cost more CPU than the rest of the request. Dates as text and bigints through
 * toSafeNumber, as the entities' columns give them.
 */
export async function findPledgeView(m: EntityManager, id: string): Promise<PledgeView | null> {
  const rows: PledgeWithLineRow[] = await m.query(
    `SELECT p.id, p.donor_id AS "donorId", p.campaign_id AS "campaignId", p.status, p.pledged_on::text AS "pledgedOn",
            p.expected_on::text AS "expectedOn", p.walk_in AS "walkIn", p.cancel_reason AS "cancelReason",
            p.close_reason AS "closeReason", p.created_at AS "createdAt", p.updated_at AS "updatedAt",
            l.line_no AS "lineNo", l.item_code AS "itemCode", l.pledged, l.received, l.delivered, l.unit_value_vnd AS "unitValueVnd"
       FROM pledges p LEFT JOIN pledge_lines l ON l.pledge_id = p.id
      WHERE p.id = $1
      ORDER BY l.line_no`,
    [id],
  );
  const [p] = rows;
  if (!p) return null;
  const pledge: Pledge = {
    id: p.id, donorId: p.donorId, campaignId: p.campaignId, status: p.status, pledgedOn: p.pledgedOn, expectedOn: p.expectedOn,
    walkIn: p.walkIn, cancelReason: p.cancelReason, closeReason: p.closeReason, createdAt: p.createdAt, updatedAt: p.updatedAt,
  };
  const lines = rows.filter((r) => r.lineNo !== null).map((r) => ({
    itemCode: r.itemCode!, pledged: toSafeNumber(r.pledged!), received: toSafeNumber(r.received!), delivered: toSafeNumber(r.delivered!),
    unitValueVnd: r.unitValueVnd === null ? null : toSafeNumber(r.unitValueVnd),
  }));
  return { ...pledge, lines };
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
