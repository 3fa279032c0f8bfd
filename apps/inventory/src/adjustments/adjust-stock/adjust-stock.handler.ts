import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ADJUSTMENT_REASONS, StockAdjustedV1 } from '@giftflow/contracts';
import { OutboxTransaction, UnitOfWork } from '@giftflow/messaging';
import { shortageMessage } from '../../stock/shortage';
import { writeLedger } from '../../stock/stock-ledger';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';

export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

export interface Adjustment {
  warehouseCode: string;
  itemCode: string;
  lotId?: string | null;
  quantity: number;
  reason: AdjustmentReason;
  note?: string | null;
  /** What caused it when not a person's correction (a stock-take, a transfer). */
  reference?: string | null;
}

export interface AdjustmentView {
  id: string;
  warehouseCode: string;
  itemCode: string;
  lotId: string | null;
  quantity: number;
  reason: AdjustmentReason;
  note: string | null;
  lines: { lotId: string; quantity: number }[];
  at: string;
}

interface LockedLot {
  id: string;
  pledge_id: string;
  on_hand: number;
  reserved: number;
  unit_value_vnd: string;
}

/**
 * A correction of stock by hand (damaged, expired, lost, found, other), by a stock-take (count_correction) or by a
 * transfer's shortfall (lost): through the ledger writer, one StockAdjusted per lot touched. Removing more than is
 * available (on hand − reserved) is a 422 naming the figures.
 */
@Injectable()
export class AdjustStockHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(input: Adjustment, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<AdjustmentView>> {
    return this.uow.run({ actor }, (tx) => answerOnce(tx.manager, request, () => this.apply(tx, input, actor)));
  }

  async apply(tx: OutboxTransaction, input: Adjustment, actor: string): Promise<AdjustmentView> {
    const m = tx.manager;
    const { warehouseCode, itemCode, quantity } = input;
    if (!(await m.query('SELECT 1 FROM warehouses WHERE code = $1', [warehouseCode])).length) throw new UnprocessableEntityException(`warehouse ${warehouseCode} not found`);
    if (!(await m.query('SELECT 1 FROM items WHERE code = $1', [itemCode])).length) throw new UnprocessableEntityException(`item ${itemCode} not found`);
    const lots: LockedLot[] = await m.query(
      `SELECT id, pledge_id, on_hand, reserved, unit_value_vnd FROM stock_lots
        WHERE item_code = $1 AND warehouse_code = $2 AND ($3::uuid IS NULL OR id = $3)
        ORDER BY ${quantity < 0 ? 'expires_on ASC NULLS LAST, received_at, id' : 'received_at DESC, id'}
          FOR UPDATE`,
      [itemCode, warehouseCode, input.lotId ?? null],
    );
    const where = input.lotId ? `lot ${input.lotId} in ${warehouseCode}` : warehouseCode;
    if (input.lotId && lots.length === 0) throw new UnprocessableEntityException(`lot ${input.lotId} of ${itemCode} not found in ${warehouseCode}`);
    const lines: { lot: LockedLot; quantity: number }[] = [];
    if (quantity < 0) {
      const onHand = lots.reduce((s, l) => s + l.on_hand, 0);
      const reserved = lots.reduce((s, l) => s + l.reserved, 0);
      if (onHand - reserved < -quantity) {
        throw new UnprocessableEntityException(shortageMessage('remove', -quantity, itemCode, where, { available: onHand - reserved, onHand, reserved }));
      }
      let left = -quantity;
      for (const lot of lots) {
        const take = Math.min(left, lot.on_hand - lot.reserved);
        if (take > 0) lines.push({ lot, quantity: -take });
        left -= take;
        if (left === 0) break;
      }
    } else {
      if (lots.length === 0) throw new UnprocessableEntityException(`no lot of ${itemCode} in ${warehouseCode} to add to: receive the goods instead`);
      lines.push({ lot: lots[0], quantity });
    }
    const id = randomUUID();
    const at = new Date();
    await writeLedger(m, lines.map((l) => ({ lotId: l.lot.id, kind: 'adjusted' as const, onHandDelta: l.quantity, reservedDelta: 0 })),
      { actor, at, reference: id, reason: input.reason });
    await m.query(
      `INSERT INTO adjustments (id, warehouse_code, item_code, lot_id, quantity, reason, note, reference, actor, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, warehouseCode, itemCode, input.lotId ?? null, quantity, input.reason, input.note ?? null, input.reference ?? null, actor, at],
    );
    for (const l of lines) {
      tx.publish(StockAdjustedV1, id, {
        adjustmentId: id, warehouseCode, itemCode, lotId: l.lot.id, pledgeId: l.lot.pledge_id, quantity: l.quantity, unitValueVnd: Number(l.lot.unit_value_vnd), reason: input.reason,
      });
    }
    return {
      id, warehouseCode, itemCode, lotId: input.lotId ?? null, quantity, reason: input.reason, note: input.note ?? null,
      lines: lines.map((l) => ({ lotId: l.lot.id, quantity: l.quantity })), at: at.toISOString(),
    };
  }
}
