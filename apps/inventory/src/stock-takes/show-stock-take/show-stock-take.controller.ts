import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StockTakeView, findStockTake } from '../stock-take.view';

@Controller('stock-takes')
export class ShowStockTakeController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':id')
  @ApiOkResponse({ description: 'The stock-take' })
  @ApiBadRequestResponse({ description: 'Not a uuid' })
  @ApiNotFoundResponse({ description: 'Unknown stock-take' })
  async show(@Param('id', ParseUUIDPipe) id: string): Promise<StockTakeView> {
    const st = await findStockTake(this.dataSource.manager, id);
    if (!st) throw new NotFoundException(`stock-take ${id} not found`);
    return st;
  }
}
