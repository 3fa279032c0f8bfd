import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WarehouseScope, assertInWarehouseScope } from '@giftflow/platform';
import { numbersIn } from '../bigint.column';
import { ListLotsDto } from './list-lots.dto';

export interface LotView {
  lotId: string;
  itemCode: string;
  warehouseCode: string;
  pledgeId: string;
  donorId: string | null;
  onHand: number;
  reserved: number;
  expiresOn: string | null;
}

@Controller('lots')
export class ListLotsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Lots with stock on hand, first-expiring first (the order reservations take them in). */
  @Get()
  @ApiOkResponse({ description: '[{lotId, itemCode, warehouseCode, pledgeId, donorId, onHand, reserved, expiresOn}], first-expiring first' })
  @ApiBadRequestResponse({ description: 'A malformed filter' })
  @ApiForbiddenResponse({ description: 'A volunteer asking for another warehouse (without warehouseCode they get their own warehouses\')' })
  async list(@Query() query: ListLotsDto, @WarehouseScope() scope: string[] | null): Promise<LotView[]> {
    if (query.warehouseCode) assertInWarehouseScope(scope, query.warehouseCode, `warehouse ${query.warehouseCode}`);
    const rows: LotView[] = await this.dataSource.query(
      `SELECT id AS "lotId", item_code AS "itemCode", warehouse_code AS "warehouseCode", pledge_id AS "pledgeId", donor_id AS "donorId",
              on_hand AS "onHand", reserved, expires_on::text AS "expiresOn"
         FROM stock_lots
        WHERE on_hand > 0 AND ($1::text IS NULL OR item_code = $1) AND ($2::text IS NULL OR warehouse_code = $2)
          AND ($3::date IS NULL OR expires_on < $3::date) AND ($4::text[] IS NULL OR warehouse_code = ANY($4))
        ORDER BY expires_on ASC NULLS LAST, received_at, id`,
      [query.itemCode ?? null, query.warehouseCode ?? null, query.expiringBefore ?? null, scope],
    );
    return numbersIn(rows, ['onHand', 'reserved']);
  }
}
