import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QueryStockDto } from './query-stock.dto';

export interface StockLevel {
  itemCode: string;
  warehouseCode: string;
  onHand: number;
  reserved: number;
  available: number;
}

@Controller('stock')
export class QueryStockController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stock per item and warehouse, summed over lots; both filters optional. */
  @Get()
  @ApiOkResponse({ description: '[{itemCode, warehouseCode, onHand, reserved, available}] per item and warehouse, summed over lots' })
  @ApiBadRequestResponse({ description: 'a filter is not a code' })
  levels(@Query() query: QueryStockDto): Promise<StockLevel[]> {
    return this.dataSource.query(
      `SELECT item_code AS "itemCode", warehouse_code AS "warehouseCode",
              sum(on_hand)::int AS "onHand", sum(reserved)::int AS reserved, sum(on_hand - reserved)::int AS available
         FROM stock_lots
        WHERE ($1::text IS NULL OR item_code = $1) AND ($2::text IS NULL OR warehouse_code = $2)
        GROUP BY item_code, warehouse_code
        ORDER BY item_code, warehouse_code`,
      [query.itemCode ?? null, query.warehouseCode ?? null],
    );
  }
}
