import { ConflictException, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Delivery, DeliveryStatus } from './delivery.entity';

export interface DeliveryView {
  allocationId: string;
  beneficiaryId: string;
  beneficiaryKind: 'child' | 'institution';
  districtCode: string;
  status: DeliveryStatus;
  /** What to take from where: the reserved lots summed per item and warehouse. */
  lines: { itemCode: string; warehouseCode: string; quantity: number }[];
  volunteer: string | null;
  reason: string | null;
  receivedBy: string | null;
  relationship: string | null;
  note: string | null;
  updatedAt: string;
}

/** Deliveries as volunteers see them, oldest first; optionally one status or one allocation. */
export async function findDeliveries(manager: EntityManager, filter: { status?: DeliveryStatus; allocationId?: string }): Promise<DeliveryView[]> {
  const rows: (Omit<DeliveryView, 'updatedAt'> & { updatedAt: Date })[] = await manager.query(
    `SELECT d.allocation_id AS "allocationId", d.beneficiary_id AS "beneficiaryId", d.beneficiary_kind AS "beneficiaryKind",
            d.district_code AS "districtCode", d.status, d.volunteer, d.reason, d.received_by AS "receivedBy",
            d.relationship, d.note, d.updated_at AS "updatedAt",
            COALESCE((SELECT json_agg(json_build_object('itemCode', x.item_code, 'warehouseCode', x.warehouse_code, 'quantity', x.quantity)
                                      ORDER BY x.item_code, x.warehouse_code)
                        FROM (SELECT l.item_code, l.warehouse_code, sum(r.quantity)::int AS quantity
                                FROM reservations r JOIN stock_lots l ON l.id = r.lot_id
                               WHERE r.allocation_id = d.allocation_id
                               GROUP BY l.item_code, l.warehouse_code) x), '[]'::json) AS lines
       FROM deliveries d
      WHERE ($1::text IS NULL OR d.status = $1) AND ($2::uuid IS NULL OR d.allocation_id = $2)
      ORDER BY d.created_at, d.allocation_id`,
    [filter.status ?? null, filter.allocationId ?? null],
  );
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

/**
 * Locks a delivery for a volunteer's step: 404 when the allocation is unknown, 409 (with `refusal`'s
 * message) when it is not in one of the statuses the step starts from.
 */
export async function lockDeliveryIn(
  manager: EntityManager,
  allocationId: string,
  from: DeliveryStatus[],
  refusal: (delivery: Delivery) => string = (d) => `delivery ${allocationId} is ${d.status}`,
): Promise<Delivery> {
  const delivery = await manager.findOne(Delivery, { where: { allocationId }, lock: { mode: 'pessimistic_write' } });
  if (!delivery) throw new NotFoundException(`allocation ${allocationId} not found`);
  if (!from.includes(delivery.status)) throw new ConflictException(refusal(delivery));
  return delivery;
}

/** Saves a step's changes and returns the delivery as the API shows it. */
export async function saveDelivery(manager: EntityManager, allocationId: string, changes: Partial<Delivery>): Promise<DeliveryView> {
  await manager.update(Delivery, { allocationId }, changes);
  const [view] = await findDeliveries(manager, { allocationId });
  return view;
}
