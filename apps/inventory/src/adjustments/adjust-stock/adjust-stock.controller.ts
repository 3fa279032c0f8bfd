import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { AdjustStockDto } from './adjust-stock.dto';
import { AdjustmentView, AdjustStockHandler } from './adjust-stock.handler';

@Controller('adjustments')
export class AdjustStockController {
  constructor(private readonly handler: AdjustStockHandler) {}

  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'The adjustment and the lots it touched; one StockAdjusted per lot' })
  @ApiBadRequestResponse({ description: 'A bad field (quantity 0, unknown reason…), each named' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown warehouse, item or lot; removing more than available: "cannot remove 5 × BIKE from WH-1: 3 available (10 on hand, 7 reserved)"; the Idempotency-Key was used for another request' })
  adjust(@Body() body: AdjustStockDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null): Promise<IdempotentAnswer<AdjustmentView>> {
    return this.handler.execute(body, actor, request);
  }
}
