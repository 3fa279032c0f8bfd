import { Injectable } from '@nestjs/common';
import { DeliveredLine, DeliveryConfirmedV2 } from '@giftflow/contracts';
import { OutboxTransaction } from '@giftflow/messaging';
import { Delivery } from '../delivery.entity';
import { DeliveryOperation, relationshipCodeOf } from '../mark-delivery/delivery-operation';
import { notFrom } from '../mark-delivery/delivery-conflict';
import { settleReservations } from '../settle-reservations';

/**
 * dispatched → delivered: the reserved units leave the shelf for good (on hand and reserved both drop);
 * services are delivered without lots. DeliveryConfirmed v2 carries codes only: who signed, the relationship
 * as said and the note stay here.
 */
@Injectable()
export class ConfirmDeliveryHandler {
  async apply(tx: OutboxTransaction, delivery: Delivery, op: DeliveryOperation, actor: string): Promise<void> {
    const { allocationId } = delivery;
    if (delivery.status !== 'dispatched') throw notFrom(delivery, `delivery ${allocationId} is ${delivery.status}; only a dispatched one can be confirmed`);
    const at = new Date();
    const fromLots = await settleReservations(tx.manager, 'delivered', { allocationId, actor, at });
    const services: { itemCode: string; quantity: number; unitValueVnd: string }[] = await tx.manager.query(
      'SELECT item_code AS "itemCode", quantity, unit_value_vnd AS "unitValueVnd" FROM delivery_service_lines WHERE allocation_id = $1 ORDER BY line_no',
      [allocationId],
    );
    const lines: DeliveredLine[] = [
      ...fromLots,
      ...services.map((s) => ({ lotId: null, pledgeId: null, itemCode: s.itemCode, warehouseCode: null, quantity: s.quantity, unitValueVnd: Number(s.unitValueVnd) })),
    ];
    const { beneficiaryId, beneficiaryKind, districtCode } = delivery;
    tx.publish(DeliveryConfirmedV2, allocationId, {
      allocationId, beneficiaryId, beneficiaryKind, districtCode, relationship: relationshipCodeOf(op.relationship), happenedAt: op.happenedAt.toISOString(), lines,
    });
    await tx.manager.update(Delivery, { allocationId }, {
      status: 'delivered', receivedBy: op.receivedBy ?? null, relationship: op.relationship ?? null, note: op.note ?? null,
      decidedAt: op.happenedAt, decidedBy: op.volunteer ?? delivery.volunteer ?? actor, updatedAt: at,
    });
  }
}
