import { Injectable } from '@nestjs/common';
import { ShipmentDispatchedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { DeliveryView, lockDeliveryIn, saveDelivery } from '../delivery.view';
import { DispatchDeliveryDto } from './dispatch-delivery.dto';

/** ready → dispatched: a volunteer takes the gift out. */
@Injectable()
export class DispatchDeliveryHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(allocationId: string, body: DispatchDeliveryDto, actor: string): Promise<DeliveryView> {
    return this.uow.run({ actor }, async (tx) => {
      await lockDeliveryIn(tx.manager, allocationId, ['ready'], (d) =>
        d.status === 'reserved' ? `allocation ${allocationId} not confirmed yet` : `delivery ${allocationId} is ${d.status}; only a ready one can be dispatched`,
      );
      const at = new Date();
      tx.publish(ShipmentDispatchedV1, allocationId, { allocationId, dispatchedAt: at.toISOString() });
      return saveDelivery(tx.manager, allocationId, { status: 'dispatched', volunteer: body.volunteer, updatedAt: at });
    });
  }
}
