import { Injectable } from '@nestjs/common';
import { ShipmentDispatchedV1 } from '@giftflow/contracts';
import { OutboxTransaction } from '@giftflow/messaging';
import { Delivery } from '../delivery.entity';
import { DeliveryOperation } from '../mark-delivery/delivery-operation';
import { notFrom } from '../mark-delivery/delivery-conflict';

/** ready → dispatched: a volunteer takes the gift out (ShipmentDispatched, with when they tapped). */
@Injectable()
export class DispatchDeliveryHandler {
  async apply(tx: OutboxTransaction, delivery: Delivery, op: DeliveryOperation): Promise<void> {
    const { allocationId } = delivery;
    if (delivery.status !== 'ready') {
      throw notFrom(delivery, delivery.status === 'reserved'
        ? `allocation ${allocationId} not confirmed yet`
        : `delivery ${allocationId} is ${delivery.status}; only a ready one can be dispatched`);
    }
    const at = new Date();
    tx.publish(ShipmentDispatchedV1, allocationId, { allocationId, dispatchedAt: at.toISOString(), happenedAt: op.happenedAt.toISOString() });
    await tx.manager.update(Delivery, { allocationId }, {
      status: 'dispatched', volunteer: op.volunteer ?? delivery.volunteer, dispatchedAt: op.happenedAt, dispatchRunId: op.dispatchRunId ?? null, updatedAt: at,
    });
  }
}
