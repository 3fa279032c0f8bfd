import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { GiftReturnedV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { Delivery } from '../../deliveries/delivery.entity';
import { receiveIntoNewLots } from '../../stock/stock-ledger';
import { ReturnGiftDto } from './return-gift.dto';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';

export interface ReturnView {
  id: string;
  allocationId: string;
  reason: ReturnGiftDto['reason'];
  restocked: boolean;
  lines: { itemCode: string; quantity: number; sourceLotId: string; lotId: string | null; unitValueVnd: number }[];
  at: string;
}

interface DeliveredLot {
  lot_id: string;
  item_code: string;
  warehouse_code: string;
  pledge_id: string;
  donor_id: string | null;
  expires_on: string | null;
  unit_value_vnd: string;
  quantity: number;
}

/**
 * A delivered gift comes back: restocked into a new lot (kind `returned` through the ledger, keeping the
 * original lot's pledge, donor and expiry) or written off (no stock change: it left the shelf when delivered).
 * Publishes GiftReturned. Services cannot be returned.
 */
@Injectable()
export class ReturnGiftHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: ReturnGiftDto, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<ReturnView>> {
    return this.uow.run({ actor }, (tx) => answerOnce(tx.manager, request, async () => {
      const m = tx.manager;
      const delivery = await m.findOne(Delivery, { where: { allocationId: body.allocationId }, lock: { mode: 'pessimistic_write' } });
      if (!delivery) throw new NotFoundException(`allocation ${body.allocationId} not found`);
      if (delivery.status !== 'delivered') throw new ConflictException(`delivery ${body.allocationId} is ${delivery.status}; only a delivered gift can be returned`);
      const delivered: DeliveredLot[] = await m.query(
        `SELECT r.lot_id, l.item_code, l.warehouse_code, l.pledge_id, l.donor_id, l.expires_on::text AS expires_on, l.unit_value_vnd, r.quantity
           FROM reservations r JOIN stock_lots l ON l.id = r.lot_id
          WHERE r.allocation_id = $1 AND r.attempt = $2 AND r.status = 'delivered' ORDER BY r.reserved_at, r.lot_id`,
        [body.allocationId, delivery.attempt],
      );
      if (delivered.length === 0) throw new UnprocessableEntityException(`allocation ${body.allocationId} delivered services only: nothing to return`);
      const earlier: { lines: { sourceLotId: string; quantity: number }[] }[] = await m.query('SELECT lines FROM returns WHERE allocation_id = $1', [body.allocationId]);
      const returned = new Map<string, number>();
      for (const line of earlier.flatMap((r) => r.lines)) returned.set(line.sourceLotId, (returned.get(line.sourceLotId) ?? 0) + line.quantity);
      const returnable = delivered.map((d) => ({ d, left: d.quantity - (returned.get(d.lot_id) ?? 0) })).filter((x) => x.left > 0);
      const total = returnable.reduce((s, x) => s + x.left, 0);
      if (total === 0) throw new UnprocessableEntityException(`allocation ${body.allocationId} has nothing left to return`);
      const wanted = body.quantity ?? total;
      if (wanted > total) throw new UnprocessableEntityException(`only ${total} of allocation ${body.allocationId} can still be returned, not ${wanted}`);

      const id = randomUUID();
      const at = new Date();
      let left = wanted;
      const lines: ReturnView['lines'] = [];
      const newLots = [];
      for (const { d, left: can } of returnable) {
        const quantity = Math.min(left, can);
        left -= quantity;
        const lotId = body.restock ? randomUUID() : null;
        lines.push({ itemCode: d.item_code, quantity, sourceLotId: d.lot_id, lotId, unitValueVnd: Number(d.unit_value_vnd) });
        if (lotId) {
          newLots.push({
            id: lotId, itemCode: d.item_code, warehouseCode: d.warehouse_code, pledgeId: d.pledge_id, donorId: d.donor_id, receiptId: null, receiptLine: null,
            sourceLotId: d.lot_id, origin: 'return' as const, expiresOn: d.expires_on, unitValueVnd: Number(d.unit_value_vnd), receivedQty: quantity, receivedAt: at,
          });
        }
        if (left === 0) break;
      }
      await receiveIntoNewLots(m, newLots, 'returned', { actor, at, reference: id, allocationId: body.allocationId, reason: body.reason });
      await m.query('INSERT INTO returns (id, allocation_id, reason, restock, lines, actor, at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [id, body.allocationId, body.reason, body.restock, JSON.stringify(lines), actor, at]);
      tx.publish(GiftReturnedV1, id, {
        returnId: id, allocationId: body.allocationId, beneficiaryId: delivery.beneficiaryId,
        lines: lines.map((l) => ({ itemCode: l.itemCode, quantity: l.quantity, lotId: l.lotId, unitValueVnd: l.unitValueVnd })),
        reason: body.reason, restocked: body.restock, happenedAt: at.toISOString(),
      });
      return { id, allocationId: body.allocationId, reason: body.reason, restocked: body.restock, lines, at: at.toISOString() };
    }));
  }
}
