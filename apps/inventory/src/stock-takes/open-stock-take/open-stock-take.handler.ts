import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { StockTakeView, findStockTake } from '../stock-take.view';
import { OpenStockTakeDto } from './open-stock-take.dto';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';

/** A stock-take opens while stock keeps moving: nothing stops, counts are placed in the ledger as they come. */
@Injectable()
export class OpenStockTakeHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  execute(body: OpenStockTakeDto, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<StockTakeView>> {
    return this.dataSource.transaction((m) => answerOnce(m, request, async () => {
      if (!(await m.query('SELECT 1 FROM warehouses WHERE code = $1', [body.warehouseCode])).length) {
        throw new UnprocessableEntityException(`warehouse ${body.warehouseCode} not found`);
      }
      const id = randomUUID();
      await m.query("INSERT INTO stock_takes (id, warehouse_code, status, actor, opened_at) VALUES ($1, $2, 'open', $3, now())", [id, body.warehouseCode, actor]);
      return (await findStockTake(m, id))!;
    }));
  }
}
