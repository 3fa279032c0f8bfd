import { Injectable } from '@nestjs/common';
import { AllocationRejectedV1, EventOf, StockReleasedV1 } from '@giftflow/contracts';
import { EventHandler, OutboxTransaction } from '@giftflow/messaging';
import { Delivery } from '../deliveries/delivery.entity';
import { settleReservations } from './settle-reservations';

/**
 * Saga compensation: an allocation that holds a reservation was rejected after all (e.g. another
 * rule failed in beneficiaries), so its stock goes back on the shelf and its delivery is cancelled.
 * An allocation inventory itself rejected holds nothing, and nothing happens.
 */
@Injectable()
export class ReleaseStockWhenAllocationRejectedConsumer implements EventHandler<typeof AllocationRejectedV1> {
  async handle(event: EventOf<typeof AllocationRejectedV1>, tx: OutboxTransaction): Promise<void> {
    const { allocationId, reason } = event.payload;
    const m = tx.manager;
    const delivery = await m.findOne(Delivery, { where: { allocationId }, lock: { mode: 'pessimistic_write' } });
    if (!delivery || !['reserved', 'ready'].includes(delivery.status)) return;
    const at = new Date();
    const released = await settleReservations(m, 'released', { allocationId, actor: tx.context.actor, reason, at });
    await m.update(Delivery, { allocationId }, { status: 'cancelled', reason, updatedAt: at });
    if (released.length > 0) tx.publish(StockReleasedV1, allocationId, { allocationId, reason, lines: released });
  }
}
