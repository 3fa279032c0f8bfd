import { Body, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '@giftflow/platform';
import { CloseStockTakeHandler } from './close-stock-take/close-stock-take.handler';
import { OpenStockTakeDto } from './open-stock-take/open-stock-take.dto';
import { OpenStockTakeHandler } from './open-stock-take/open-stock-take.handler';
import { RecordCountsDto } from './record-counts/record-counts.dto';
import { RecordCountsHandler } from './record-counts/record-counts.handler';
import { StockTakeView, findStockTake } from './stock-take.view';

/** Stock-takes while stock keeps moving: open, count (each count placed in the ledger), close (variances, corrections). */
@Controller('stock-takes')
export class StockTakesController {
  constructor(
    private readonly open: OpenStockTakeHandler,
    private readonly record: RecordCountsHandler,
    private readonly close: CloseStockTakeHandler,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post()
  @ApiCreatedResponse({ description: '{id, status: "open", warehouseCode, openedAt, counts: [], variances: null}' })
  @ApiBadRequestResponse({ description: 'A bad field' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown warehouse' })
  start(@Body() body: OpenStockTakeDto, @Actor() actor: string): Promise<StockTakeView> {
    return this.open.execute(body, actor);
  }

  @Post(':id/counts')
  @ApiCreatedResponse({ description: 'The stock-take with every count and the ledger balance expected at its moment' })
  @ApiBadRequestResponse({ description: 'A bad field, each named' })
  @ApiNotFoundResponse({ description: 'Unknown stock-take' })
  @ApiConflictResponse({ description: 'The stock-take is closed' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown lot; countedAt in the future or before the opening' })
  counts(@Param('id', ParseUUIDPipe) id: string, @Body() body: RecordCountsDto): Promise<StockTakeView> {
    return this.record.execute(id, body);
  }

  @Post(':id/close')
  @ApiCreatedResponse({ description: '{variances: [{itemCode, lotId, expected, counted, variance}], …}; one StockAdjusted (count_correction) per variance' })
  @ApiNotFoundResponse({ description: 'Unknown stock-take' })
  @ApiConflictResponse({ description: 'Already closed' })
  @ApiUnprocessableEntityResponse({ description: 'A correction would remove reserved stock: "cannot remove …" with the figures' })
  finish(@Param('id', ParseUUIDPipe) id: string, @Actor() actor: string): Promise<StockTakeView> {
    return this.close.execute(id, actor);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The stock-take' })
  @ApiNotFoundResponse({ description: 'Unknown stock-take' })
  async show(@Param('id', ParseUUIDPipe) id: string): Promise<StockTakeView> {
    const st = await findStockTake(this.dataSource.manager, id);
    if (!st) throw new NotFoundException(`stock-take ${id} not found`);
    return st;
  }
}
