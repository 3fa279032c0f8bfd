import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StockLevel, stockLevels } from '../stock-level.view';
import { QueryStockDto } from './query-stock.dto';

@Controller('stock')
export class QueryStockController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stock per item and warehouse, summed over lots (or over the ledger up to `asOf`); filters optional. */
  @Get()
  @ApiOkResponse({ description: '[{itemCode, warehouseCode, onHand, reserved, available, inTransit}]; with asOf, from the ledger at that moment' })
  @ApiBadRequestResponse({ description: 'A malformed filter' })
  levels(@Query() query: QueryStockDto): Promise<StockLevel[]> {
    return stockLevels(this.dataSource.manager, { itemCode: query.itemCode, warehouseCode: query.warehouseCode, asOf: query.asOf ? new Date(query.asOf) : undefined });
  }
}
