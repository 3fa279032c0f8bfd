import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@giftflow/messaging';
import { AdjustStockHandler } from '../../adjustments/adjust-stock/adjust-stock.handler';
import { lockOpenStockTake } from '../lock-stock-take';
import { StockTakeView, findStockTake } from '../stock-take.view';
import { variancesOf } from '../variances';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';

/**
 * Closes a stock-take: each counted item (or lot) against the ledger balance at the moment of its count; one
 * StockAdjusted (count_correction) per variance, applied to stock as it is now, so receipts, reservations and
 * deliveries made during the count stay as they are.
 */
@Injectable()
export class CloseStockTakeHandler {
  constructor(private readonly uow: UnitOfWork, private readonly adjust: AdjustStockHandler) {}

  execute(id: string, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<StockTakeView>> {
    return this.uow.run({ actor }, (tx) => answerOnce(tx.manager, request, async () => {
      const m = tx.manager;
      const st = await lockOpenStockTake(m, id);
      const counts: { id: string; item_code: string; lot_id: string | null; counted: number; expected: string; counted_at: Date }[] = await m.query(
        'SELECT id, item_code, lot_id, counted, expected, counted_at FROM stock_take_counts WHERE stock_take_id = $1', [id],
      );
      const variances = variancesOf(counts.map((c) => ({
        itemCode: c.item_code, lotId: c.lot_id, counted: c.counted, expected: Number(c.expected), countedAt: c.counted_at, seq: Number(c.id),
      })));
      for (const v of variances) {
        if (v.variance === 0) continue;
        await this.adjust.apply(tx, { warehouseCode: st.warehouse_code, itemCode: v.itemCode, lotId: v.lotId, quantity: v.variance, reason: 'count_correction', reference: id }, actor);
      }
      await m.query("UPDATE stock_takes SET status = 'closed', closed_at = now(), variances = $2 WHERE id = $1", [id, JSON.stringify(variances)]);
      return (await findStockTake(m, id))!;
    }));
  }
}
