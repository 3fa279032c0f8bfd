import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page, pageOf, pageRequestOf } from '@giftflow/platform';
import { instantOfBound } from '../fund-dates';
import { MovementKind } from '../stock-movement.entity';
import { ListMovementsDto } from './list-movements.dto';

export interface MovementView {
  at: string;
  kind: MovementKind;
  /** Signed: the change to on hand, or for reserved/released the change to reserved. */
  quantity: number;
  onHandDelta: number;
  reservedDelta: number;
  itemCode: string;
  warehouseCode: string;
  lotId: string;
  /** The receipt, allocation, adjustment, transfer, stock-take or return that caused it. */
  reference: string | null;
  reason: string | null;
  actor: string;
}

@Controller('stock/movements')
export class ListMovementsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The ledger in its order (oldest first), paged. */
  @Get()
  @ApiOkResponse({ description: '{items: [{at, kind, quantity, lotId, reference, actor, …}], total, page, pageSize}' })
  @ApiBadRequestResponse({ description: 'A malformed filter' })
  async list(@Query() query: ListMovementsDto): Promise<Page<MovementView>> {
    const page = pageRequestOf(query);
    const params = [query.itemCode ?? null, query.warehouseCode ?? null, query.from ? instantOfBound(query.from, 'from') : null, query.to ? instantOfBound(query.to, 'to') : null];
    const where = `($1::text IS NULL OR item_code = $1) AND ($2::text IS NULL OR warehouse_code = $2)
       AND ($3::timestamptz IS NULL OR occurred_at >= $3) AND ($4::timestamptz IS NULL OR occurred_at < $4)`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::bigint AS total FROM stock_movements WHERE ${where}`, params);
    const rows: (Omit<MovementView, 'at' | 'quantity'> & { at: Date })[] = await this.dataSource.query(
      `SELECT occurred_at AS at, kind, on_hand_delta AS "onHandDelta", reserved_delta AS "reservedDelta", item_code AS "itemCode",
              warehouse_code AS "warehouseCode", lot_id AS "lotId", reference, reason, actor
         FROM stock_movements WHERE ${where} ORDER BY seq LIMIT $5 OFFSET $6`,
      [...params, page.limit, page.offset],
    );
    const items = rows.map((r) => ({ ...r, at: r.at.toISOString(), quantity: r.onHandDelta !== 0 ? r.onHandDelta : r.reservedDelta }));
    return pageOf(items, total, page);
  }
}
