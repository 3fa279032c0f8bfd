import { Injectable } from '@nestjs/common';
import { DeliveryConfirmedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { settleReservations } from '../../reservations/settle-reservations';
import { DeliveryView, lockDeliveryIn, saveDelivery } from '../delivery.view';
import { ConfirmDeliveryDto } from './confirm-delivery.dto';

/** dispatched → delivered: the reserved units leave the shelf for good (on hand and reserved both drop). */
@Injectable()
export class ConfirmDeliveryHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(allocationId: string, body: ConfirmDeliveryDto, actor: string): Promise<DeliveryView> {
    return this.uow.run({ actor }, async (tx) => {
      const delivery = await lockDeliveryIn(tx.manager, allocationId, ['dispatched']);
      const at = new Date();
      const lines = await settleReservations(tx.manager, 'delivered', { allocationId, actor, at });
      const { beneficiaryId, beneficiaryKind, districtCode } = delivery;
      tx.publish(DeliveryConfirmedV1, allocationId, {
        allocationId, beneficiaryId, beneficiaryKind, districtCode, relationship: body.relationship ?? null, deliveredAt: at.toISOString(), lines,
      });
      return saveDelivery(tx.manager, allocationId, {
        status: 'delivered', receivedBy: body.receivedBy, relationship: body.relationship ?? null, note: body.note ?? null, updatedAt: at,
      });
    });
  }
}
