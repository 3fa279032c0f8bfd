import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AllocationRequestedV1, EventOf, StockReservationRejectedV1, StockReservedV1 } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { Delivery } from '../deliveries/delivery.entity';
import { moveStock } from '../stock/move-stock';
import { AllocationRequest } from './allocation-request.entity';
import { CandidateLot, planReservation } from './plan-reservation';
import { Reservation } from './reservation.entity';

/**
 * Saga step 2: reserve every line of an allocation from stock lots, or nothing at all.
 *
 * Runs in the consumer's transaction. The candidate lots are locked (`FOR UPDATE`, in one global order,
 * so concurrent reservations queue instead of deadlocking) and re-read after any wait, so two
 * reservations never both count the same units; the CHECK on stock_lots backs this up.
 */
@Injectable()
export class ReserveStockWhenAllocationRequestedConsumer implements EventHandler<typeof AllocationRequestedV1> {
  private readonly logger = new Logger(ReserveStockWhenAllocationRequestedConsumer.name);

  async handle(event: EventOf<typeof AllocationRequestedV1>, tx: OutboxTransaction): Promise<void> {
    const { allocationId, warehouseCode, lines } = event.payload;
    const m = tx.manager;
    const at = new Date();
    // The inbox drops a redelivered event; this drops the same allocation requested again under a new event id.
    const claimed: unknown[] = await m.query(
      'INSERT INTO allocation_requests (allocation_id, decided_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING allocation_id',
      [allocationId, at],
    );
    if (claimed.length === 0) {
      this.logger.warn(`allocation ${allocationId} was requested again (event ${event.id}); already decided`);
      return;
    }
    const lots: CandidateLot[] = await m.query(
      `SELECT id AS "lotId", pledge_id AS "pledgeId", item_code AS "itemCode", warehouse_code AS "warehouseCode",
              unit_value_vnd AS "unitValueVnd", on_hand - reserved AS available
         FROM stock_lots
        WHERE item_code = ANY($1::text[]) AND on_hand > reserved AND ($2::text IS NULL OR warehouse_code = $2)
        ORDER BY expires_on ASC NULLS LAST, received_at, id
          FOR UPDATE`,
      [lines.map((l) => l.itemCode), warehouseCode],
    );
    const plan = planReservation(lines, lots);
    if (!plan.ok) {
      await m.update(AllocationRequest, { allocationId }, { outcome: 'rejected' });
      tx.publish(StockReservationRejectedV1, allocationId, { allocationId, reason: 'insufficient stock', shortages: plan.shortages });
      return;
    }
    const { beneficiaryId, beneficiaryKind, districtCode, campaignId } = event.payload;
    await m.insert(Delivery, {
      allocationId, beneficiaryId, beneficiaryKind, districtCode, campaignId, status: 'reserved',
      volunteer: null, reason: null, receivedBy: null, relationship: null, note: null, createdAt: at, updatedAt: at,
    });
    await m.insert(Reservation, plan.picks.map((p) => ({
      id: randomUUID(), allocationId, lotId: p.lotId, quantity: p.quantity, status: 'held' as const, reservedAt: at, settledAt: null,
    })));
    await moveStock(m, 'reserved', plan.picks, { allocationId, actor: tx.context.actor, at });
    await m.update(AllocationRequest, { allocationId }, { outcome: 'reserved' });
    tx.publish(StockReservedV1, allocationId, { allocationId, lines: plan.picks });
  }
}
