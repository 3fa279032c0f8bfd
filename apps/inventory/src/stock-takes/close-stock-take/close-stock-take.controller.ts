import { Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { StockTakeView } from '../stock-take.view';
import { CloseStockTakeHandler } from './close-stock-take.handler';

@Controller('stock-takes')
export class CloseStockTakeController {
  constructor(private readonly handler: CloseStockTakeHandler) {}

  @Post(':id/close')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: '{variances: [{itemCode, lotId, expected, counted, variance}], …}; one StockAdjusted (count_correction) per variance' })
  @ApiNotFoundResponse({ description: 'Unknown stock-take' })
  @ApiConflictResponse({ description: 'Already closed' })
  @ApiUnprocessableEntityResponse({ description: 'A correction would remove reserved stock: "cannot remove …" with the figures; the Idempotency-Key was used for another request' })
  close(@Param('id', ParseUUIDPipe) id: string, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null): Promise<IdempotentAnswer<StockTakeView>> {
    return this.handler.execute(id, actor, request);
  }
}
