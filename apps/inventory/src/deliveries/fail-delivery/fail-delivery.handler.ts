import { Injectable } from '@nestjs/common';
import { DeliveryFailedV1, StockReleasedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { settleReservations } from '../../reservations/settle-reservations';
import { DeliveryView, lockDeliveryIn, saveDelivery } from '../delivery.view';
import { FailDeliveryDto } from './fail-delivery.dto';

/** dispatched (or ready) → failed: the gift is back on the shelf (reserved drops, on hand unchanged). */
@Injectable()
export class FailDeliveryHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(allocationId: string, body: FailDeliveryDto, actor: string): Promise<DeliveryView> {
    return this.uow.run({ actor }, async (tx) => {
      await lockDeliveryIn(tx.manager, allocationId, ['dispatched', 'ready']);
      const at = new Date();
      const lines = await settleReservations(tx.manager, 'released', { allocationId, actor, reason: body.reason, at });
      tx.publish(StockReleasedV1, allocationId, { allocationId, reason: body.reason, lines });
      tx.publish(DeliveryFailedV1, allocationId, { allocationId, reason: body.reason, failedAt: at.toISOString() });
      return saveDelivery(tx.manager, allocationId, { status: 'failed', reason: body.reason, updatedAt: at });
    });
  }
}
