import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { AllocationRequestedV1, EventOf, StockReservationRejectedV1, StockReservedV1 } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { Item } from '../catalogue/item.entity';
import { fundDateOf } from '../stock/fund-dates';
import { shortageMessage } from '../stock/shortage';
import { moveForAllocation } from '../stock/stock-ledger';
import { AllocationRequest } from './allocation-request.entity';
import { Delivery } from './delivery.entity';
import { CandidateLot, Shortage, planReservation } from './plan-reservation';
import { Reservation } from './reservation.entity';

/**
 * Saga step 2: reserve every stocked line of an allocation from stock lots, or nothing at all.
 *
 * Runs in the consumer's transaction. The candidate lots are locked (`FOR UPDATE`, in one global order,
 * so concurrent reservations queue instead of deadlocking) and re-read after any wait, so two
 * reservations never both count the same units; the CHECK on stock_lots backs this up. A lot past its
 * expiry on the allocation's date (Asia/Ho_Chi_Minh) is never reserved. Services (items not stocked) need
 * no reservation: a service-only allocation gets a delivery and no event. A retry (attempt 2, 3, …) of an
 * allocation whose delivery failed reserves anew.
 */
@Injectable()
export class ReserveStockWhenAllocationRequestedConsumer implements EventHandler<typeof AllocationRequestedV1> {
  private readonly logger = new Logger(ReserveStockWhenAllocationRequestedConsumer.name);

  async handle(event: EventOf<typeof AllocationRequestedV1>, tx: OutboxTransaction): Promise<void> {
    const { allocationId, warehouseCode, lines } = event.payload;
    const attempt = event.payload.attempt ?? 1;
    const m = tx.manager;
    const at = new Date();
    // The inbox drops a redelivered event; this drops the same attempt requested again under a new event id.
    const claimed: unknown[] = await m.query(
      'INSERT INTO allocation_requests (allocation_id, attempt, decided_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING allocation_id',
      [allocationId, attempt, at],
    );
    if (claimed.length === 0) {
      this.logger.warn(`allocation ${allocationId} attempt ${attempt} was requested again (event ${event.id}); already decided`);
      return;
    }
    const existing = await m.findOne(Delivery, { where: { allocationId }, lock: { mode: 'pessimistic_write' } });
    if (existing && (attempt <= existing.attempt || existing.status !== 'failed')) {
      this.logger.warn(`allocation ${allocationId} attempt ${attempt} ignored: its delivery is ${existing.status} (attempt ${existing.attempt})`);
      return;
    }
    const items = new Map((await m.findBy(Item, { code: In(lines.map((l) => l.itemCode)) })).map((i) => [i.code, i]));
    const services = lines.filter((l) => items.get(l.itemCode)?.stocked === false);
    const stocked = lines.filter((l) => items.get(l.itemCode)?.stocked !== false);

    const onDate = event.payload.allocatedOn ?? fundDateOf(at);
    const lots: CandidateLot[] = stocked.length === 0 ? [] : (await m.query(
      `SELECT id AS "lotId", pledge_id AS "pledgeId", item_code AS "itemCode", warehouse_code AS "warehouseCode",
              unit_value_vnd AS "unitValueVnd", on_hand - reserved AS available
         FROM stock_lots
        WHERE item_code = ANY($1::text[]) AND on_hand > reserved AND ($2::text IS NULL OR warehouse_code = $2)
          AND (expires_on IS NULL OR expires_on >= $3::date)
        ORDER BY expires_on ASC NULLS LAST, received_at, id
          FOR UPDATE`,
      [stocked.map((l) => l.itemCode), warehouseCode, onDate],
    )).map((l: CandidateLot & { unitValueVnd: string }) => ({ ...l, unitValueVnd: Number(l.unitValueVnd) }));
    const plan = planReservation(stocked, lots);
    if (!plan.ok) {
      await m.update(AllocationRequest, { allocationId, attempt }, { outcome: 'rejected' });
      const reason = await this.describe(m, plan.shortages, warehouseCode, onDate);
      tx.publish(StockReservationRejectedV1, allocationId, { allocationId, reason, shortages: plan.shortages });
      return;
    }
    const { beneficiaryId, beneficiaryKind, districtCode, campaignId } = event.payload;
    const delivery: Delivery = {
      allocationId, beneficiaryId, beneficiaryKind, districtCode, campaignId, warehouseCode: warehouseCode ?? plan.picks[0]?.warehouseCode ?? null,
      status: 'reserved', attempt, serviceOnly: stocked.length === 0, volunteer: null, reason: null, receivedBy: null, relationship: null, note: null,
      dispatchedAt: null, decidedAt: null, decidedBy: null, dispatchRunId: null, createdAt: existing?.createdAt ?? at, updatedAt: at,
    };
    await m.save(Delivery, delivery);
    if (services.length > 0) {
      await m.query('DELETE FROM delivery_service_lines WHERE allocation_id = $1', [allocationId]);
      await m.query(
        `INSERT INTO delivery_service_lines (allocation_id, line_no, item_code, quantity, unit_value_vnd)
         SELECT $1, n, item_code, quantity, unit_value_vnd FROM unnest($2::text[], $3::int[], $4::bigint[]) WITH ORDINALITY AS x (item_code, quantity, unit_value_vnd, n)`,
        [allocationId, services.map((s) => s.itemCode), services.map((s) => s.quantity), services.map((s) => items.get(s.itemCode)!.unitValueVnd)],
      );
    }
    await m.update(AllocationRequest, { allocationId, attempt }, { outcome: 'reserved' });
    if (plan.picks.length === 0) return; // services only: nothing to hold, beneficiaries confirms it by itself
    await m.insert(Reservation, plan.picks.map((p) => ({
      id: randomUUID(), allocationId, attempt, lotId: p.lotId, quantity: p.quantity, status: 'held' as const, reservedAt: at, settledAt: null,
    })));
    await moveForAllocation(m, 'reserved', plan.picks, { allocationId, actor: tx.context.actor, at });
    tx.publish(StockReservedV1, allocationId, { allocationId, lines: plan.picks });
  }

  /** `cannot reserve 3 × milk from ST-FUND: 1 available (6 on hand, 2 reserved, 3 expired)`, one per short item. */
  private async describe(m: EntityManager, shortages: Shortage[], warehouseCode: string | null, onDate: string): Promise<string> {
    const figures: { item_code: string; on_hand: string; reserved: string; expired: string }[] = await m.query(
      `SELECT item_code, sum(on_hand)::bigint AS on_hand, sum(reserved)::bigint AS reserved,
              sum(CASE WHEN expires_on < $3::date THEN on_hand - reserved ELSE 0 END)::bigint AS expired
         FROM stock_lots WHERE item_code = ANY($1::text[]) AND ($2::text IS NULL OR warehouse_code = $2) GROUP BY item_code`,
      [shortages.map((s) => s.itemCode), warehouseCode, onDate],
    );
    const byItem = new Map(figures.map((f) => [f.item_code, f]));
    return shortages.map((s) => {
      const f = byItem.get(s.itemCode);
      return shortageMessage('reserve', s.requested, s.itemCode, warehouseCode ?? 'any warehouse', {
        available: s.available, onHand: Number(f?.on_hand ?? 0), reserved: Number(f?.reserved ?? 0), expired: Number(f?.expired ?? 0),
      });
    }).join('; ');
  }
}
