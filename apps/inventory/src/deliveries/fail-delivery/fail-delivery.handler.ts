import { Injectable } from '@nestjs/common';
import { DeliveryFailedV2, StockReleasedV1 } from '@giftflow/contracts';
import { OutboxTransaction } from '@giftflow/messaging';
import { Delivery } from '../delivery.entity';
import { DeliveryOperation, failureReasonOf } from '../mark-delivery/delivery-operation';
import { notFrom } from '../mark-delivery/delivery-conflict';
import { settleReservations } from '../settle-reservations';

/**
 * dispatched (or ready) → failed: the gift is back on the shelf (reserved drops, on hand unchanged). Events
 * carry the reason code only; free text stays here as the note. beneficiaries may retry (attempt 2, …).
 */
@Injectable()
export class FailDeliveryHandler {
  async apply(tx: OutboxTransaction, delivery: Delivery, op: DeliveryOperation, actor: string): Promise<void> {
    const { allocationId } = delivery;
    if (delivery.status !== 'dispatched' && delivery.status !== 'ready') {
      throw notFrom(delivery, `delivery ${allocationId} is ${delivery.status}; only a ready or dispatched one can fail`);
    }
    const { reason, note } = failureReasonOf(op.reason, op.note);
    const at = new Date();
    const lines = await settleReservations(tx.manager, 'released', { allocationId, actor, reason, at });
    if (lines.length > 0) tx.publish(StockReleasedV1, allocationId, { allocationId, reason, lines });
    tx.publish(DeliveryFailedV2, allocationId, { allocationId, reason, happenedAt: op.happenedAt.toISOString() });
    await tx.manager.update(Delivery, { allocationId }, {
      status: 'failed', reason, note, decidedAt: op.happenedAt, decidedBy: op.volunteer ?? delivery.volunteer ?? actor, updatedAt: at,
    });
  }
}
