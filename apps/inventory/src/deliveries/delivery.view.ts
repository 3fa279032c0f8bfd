import { EntityManager } from 'typeorm';
import { Page, PageRequest, pageOf } from '@giftflow/platform';
import { DeliveryStatus } from './delivery.entity';

export interface DeliveryView {
  allocationId: string;
  beneficiaryId: string;
  beneficiaryKind: 'child' | 'institution';
  districtCode: string;
  campaignId: string | null;
  warehouseCode: string | null;
  status: DeliveryStatus;
  attempt: number;
  /** What to take from where: the current attempt's reserved lots summed per item and warehouse; services with warehouseCode null. */
  lines: { itemCode: string; warehouseCode: string | null; quantity: number }[];
  volunteer: string | null;
  reason: string | null;
  receivedBy: string | null;
  relationship: string | null;
  note: string | null;
  dispatchedAt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  dispatchRunId: string | null;
  updatedAt: string;
}

export interface DeliveryFilter {
  allocationId?: string;
  status?: DeliveryStatus;
  volunteer?: string;
  warehouseCode?: string;
  campaignId?: string;
  /** Only these warehouses' deliveries (a volunteer's scope); unset: all. */
  warehouseCodes?: string[] | null;
}

const WHERE = `($1::text IS NULL OR d.status = $1) AND ($2::uuid IS NULL OR d.allocation_id = $2) AND ($3::text IS NULL OR d.volunteer = $3)
   AND ($4::text IS NULL OR d.warehouse_code = $4) AND ($5::uuid IS NULL OR d.campaign_id = $5) AND ($6::text[] IS NULL OR d.warehouse_code = ANY($6))`;
const params = (f: DeliveryFilter) => [f.status ?? null, f.allocationId ?? null, f.volunteer ?? null, f.warehouseCode ?? null, f.campaignId ?? null, f.warehouseCodes ?? null];

/** Deliveries as volunteers see them, oldest first (reads only). */
export async function findDeliveries(manager: EntityManager, filter: DeliveryFilter, page?: { limit: number; offset: number }): Promise<DeliveryView[]> {
  const rows: (Omit<DeliveryView, 'updatedAt' | 'dispatchedAt' | 'decidedAt'> & { updatedAt: Date; dispatchedAt: Date | null; decidedAt: Date | null })[] = await manager.query(
    `SELECT d.allocation_id AS "allocationId", d.beneficiary_id AS "beneficiaryId", d.beneficiary_kind AS "beneficiaryKind",
            d.district_code AS "districtCode", d.campaign_id AS "campaignId", d.warehouse_code AS "warehouseCode", d.status, d.attempt,
            d.volunteer, d.reason, d.received_by AS "receivedBy", d.relationship, d.note, d.dispatched_at AS "dispatchedAt",
            d.decided_at AS "decidedAt", d.decided_by AS "decidedBy", d.dispatch_run_id AS "dispatchRunId", d.updated_at AS "updatedAt",
            COALESCE((SELECT json_agg(json_build_object('itemCode', x.item_code, 'warehouseCode', x.warehouse_code, 'quantity', x.quantity)
                                      ORDER BY x.item_code, x.warehouse_code)
                        FROM (SELECT l.item_code, l.warehouse_code, sum(r.quantity)::bigint AS quantity
                                FROM reservations r JOIN stock_lots l ON l.id = r.lot_id
                               WHERE r.allocation_id = d.allocation_id AND r.attempt = d.attempt
                               GROUP BY l.item_code, l.warehouse_code
                              UNION ALL
                              SELECT s.item_code, NULL, sum(s.quantity)::bigint FROM delivery_service_lines s
                               WHERE s.allocation_id = d.allocation_id GROUP BY s.item_code) x), '[]'::json) AS lines
       FROM deliveries d
      WHERE ${WHERE}
      ORDER BY d.created_at, d.allocation_id
      LIMIT $7 OFFSET $8`,
    [...params(filter), page?.limit ?? null, page?.offset ?? 0],
  );
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return rows.map((r) => ({
    ...r,
    lines: r.lines.map((l) => ({ ...l, quantity: Number(l.quantity) })),
    dispatchedAt: iso(r.dispatchedAt), decidedAt: iso(r.decidedAt), updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function findDelivery(manager: EntityManager, allocationId: string): Promise<DeliveryView | null> {
  const [view] = await findDeliveries(manager, { allocationId });
  return view ?? null;
}

/** One page of deliveries with the total that match. */
export async function pageOfDeliveries(manager: EntityManager, filter: DeliveryFilter, page: PageRequest): Promise<Page<DeliveryView>> {
  const [{ total }] = await manager.query(`SELECT count(*)::bigint AS total FROM deliveries d WHERE ${WHERE}`, params(filter));
  return pageOf(await findDeliveries(manager, filter, page), total, page);
}
