import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WarehouseScope, assertInWarehouseScope } from '@giftflow/platform';
import { StockLevel, stockLevels } from '../stock-level.view';
import { QueryStockDto } from './query-stock.dto';

@Controller('stock')
export class QueryStockController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stock per item and warehouse, summed over lots (or over the ledger up to `asOf`); filters optional. */
  @Get()
  @ApiOkResponse({ description: '[{itemCode, warehouseCode, onHand, reserved, available, inTransit}]; with asOf, from the ledger at that moment' })
  @ApiBadRequestResponse({ description: 'A malformed filter' })
  @ApiForbiddenResponse({ description: 'A volunteer asking for another warehouse (without warehouseCode they get their own warehouses\')' })
  async levels(@Query() query: QueryStockDto, @WarehouseScope() scope: string[] | null): Promise<StockLevel[]> {
    if (query.warehouseCode) assertInWarehouseScope(scope, query.warehouseCode, `warehouse ${query.warehouseCode}`);
    const levels = await stockLevels(this.dataSource.manager, { itemCode: query.itemCode, warehouseCode: query.warehouseCode, asOf: query.asOf ? new Date(query.asOf) : undefined });
    return scope ? levels.filter((l) => scope.includes(l.warehouseCode)) : levels;
  }
}
