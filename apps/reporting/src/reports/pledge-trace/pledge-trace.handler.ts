import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readActiveGeneration } from '../../generations/active-generation';
import { UNCATEGORISED } from '../report-conventions';

export interface PledgeTrace {
  pledgeId: string;
  pledgedQty: number;
  receivedQty: number;
  /** On the warehouse's shelves: received and not delivered (reserved stock included). */
  inStockQty: number;
  /** Held for allocations and neither delivered nor released yet. */
  reservedQty: number;
  deliveredQty: number;
  /** Released back to stock by failed or cancelled deliveries. */
  returnedQty: number;
  delivered: { districtCode: string; category: string; quantity: number }[];
  /** The donor withdrew the pledge (only possible before any goods arrived); null while it stands. */
  cancelledAt: string | null;
}

type Row = Record<'pledged' | 'received' | 'reserved' | 'delivered' | 'released' | 'facts', string> & {
  by_place: PledgeTrace['delivered'];
  cancelled_at: Date | null;
};

/** One statement, so every figure comes from the same snapshot. */
const TRACE_SQL = `
  SELECT (SELECT coalesce(sum(quantity), 0) FROM pledge_lines WHERE generation = $1 AND pledge_id = $2) AS pledged,
         (SELECT coalesce(sum(quantity), 0) FROM receipt_lots WHERE generation = $1 AND pledge_id = $2) AS received,
         (SELECT coalesce(sum(quantity), 0) FROM reserved_lots WHERE generation = $1 AND pledge_id = $2) AS reserved,
         (SELECT coalesce(sum(quantity), 0) FROM delivered_lots WHERE generation = $1 AND pledge_id = $2) AS delivered,
         (SELECT coalesce(sum(quantity), 0) FROM released_lots WHERE generation = $1 AND pledge_id = $2) AS released,
         (SELECT count(*) FROM pledge_lines WHERE generation = $1 AND pledge_id = $2)
           + (SELECT count(*) FROM receipt_lots WHERE generation = $1 AND pledge_id = $2) AS facts,
         (SELECT occurred_at FROM pledge_cancellations WHERE generation = $1 AND pledge_id = $2) AS cancelled_at,
         (SELECT coalesce(json_agg(p ORDER BY p."districtCode", p.category), '[]')
            FROM (SELECT d.district_code AS "districtCode", coalesce(c.category, '${UNCATEGORISED}') AS category, sum(d.quantity)::int AS quantity
                    FROM delivered_lots d LEFT JOIN catalogue_items c ON c.generation = d.generation AND c.item_code = d.item_code
                   WHERE d.generation = $1 AND d.pledge_id = $2
                   GROUP BY 1, 2) p) AS by_place`;

@Injectable()
export class PledgeTraceHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async trace(pledgeId: string): Promise<PledgeTrace> {
    const [row]: Row[] = await readActiveGeneration(this.dataSource, (manager, generation) => manager.query(TRACE_SQL, [generation, pledgeId]));
    // Known from its PledgeRecorded, or from goods received against it before that event was read.
    if (Number(row.facts) === 0) throw new NotFoundException(`pledge ${pledgeId} not found`);
    const [pledgedQty, receivedQty, reserved, deliveredQty, returnedQty] =
      [row.pledged, row.received, row.reserved, row.delivered, row.released].map(Number);
    return {
      pledgeId, pledgedQty, receivedQty,
      inStockQty: receivedQty - deliveredQty,
      reservedQty: reserved - returnedQty - deliveredQty,
      deliveredQty, returnedQty, delivered: row.by_place,
      cancelledAt: row.cancelled_at ? new Date(row.cancelled_at).toISOString() : null,
    };
  }
}
