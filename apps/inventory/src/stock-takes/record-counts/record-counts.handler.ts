import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { lockOpenStockTake } from '../lock-stock-take';
import { StockTakeView, findStockTake } from '../stock-take.view';
import { RecordCountsDto } from './record-counts.dto';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';

/**
 * Records each count at its position in the ledger: the lots counted are locked (so every movement on them
 * has committed or waits), and the ledger balance up to the count's moment is kept as what was expected.
 */
@Injectable()
export class RecordCountsHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  execute(id: string, body: RecordCountsDto, request: IdempotentRequest | null): Promise<IdempotentAnswer<StockTakeView>> {
    return this.dataSource.transaction((m) => answerOnce(m, request, async () => {
      const st = await lockOpenStockTake(m, id);
      const now = new Date();
      for (const [i, line] of body.lines.entries()) {
        const countedAt = line.countedAt ? new Date(line.countedAt) : now;
        if (countedAt > now || countedAt < st.opened_at) {
          throw new UnprocessableEntityException(`lines.${i}: countedAt ${countedAt.toISOString()} is not between the opening of the stock-take and now`);
        }
        const lots: { id: string }[] = await m.query(
          `SELECT id FROM stock_lots WHERE warehouse_code = $1 AND item_code = $2 AND ($3::uuid IS NULL OR id = $3) ORDER BY id FOR UPDATE`,
          [st.warehouse_code, line.itemCode, line.lotId ?? null],
        );
        if (line.lotId && lots.length === 0) throw new UnprocessableEntityException(`lines.${i}: lot ${line.lotId} of ${line.itemCode} not found in ${st.warehouse_code}`);
        const [ledger]: { balance: string; seq: string }[] = await m.query(
          `SELECT coalesce(sum(on_hand_delta), 0)::bigint AS balance, coalesce(max(seq), 0)::bigint AS seq FROM stock_movements
            WHERE lot_id = ANY($1::uuid[]) AND occurred_at <= $2`,
          [lots.map((l) => l.id), countedAt],
        );
        await m.query(
          `INSERT INTO stock_take_counts (stock_take_id, item_code, lot_id, counted, expected, ledger_seq, counted_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [id, line.itemCode, line.lotId ?? null, line.counted, ledger.balance, ledger.seq, countedAt],
        );
      }
      return (await findStockTake(m, id))!;
    }));
  }
}
