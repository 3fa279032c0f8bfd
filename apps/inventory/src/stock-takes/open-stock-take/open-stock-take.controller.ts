import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { StockTakeView } from '../stock-take.view';
import { OpenStockTakeDto } from './open-stock-take.dto';
import { OpenStockTakeHandler } from './open-stock-take.handler';

@Controller('stock-takes')
export class OpenStockTakeController {
  constructor(private readonly handler: OpenStockTakeHandler) {}

  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: '{id, status: "open", warehouseCode, openedAt, counts: [], variances: null}' })
  @ApiBadRequestResponse({ description: 'A bad field' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown warehouse; the Idempotency-Key was used for another request' })
  open(@Body() body: OpenStockTakeDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null): Promise<IdempotentAnswer<StockTakeView>> {
    return this.handler.execute(body, actor, request);
  }
}
