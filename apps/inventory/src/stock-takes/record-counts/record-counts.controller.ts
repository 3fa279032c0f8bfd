import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { StockTakeView } from '../stock-take.view';
import { RecordCountsDto } from './record-counts.dto';
import { RecordCountsHandler } from './record-counts.handler';

@Controller('stock-takes')
export class RecordCountsController {
  constructor(private readonly handler: RecordCountsHandler) {}

  @Post(':id/counts')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'The stock-take with every count and the ledger balance expected at its moment' })
  @ApiBadRequestResponse({ description: 'A bad field, each named' })
  @ApiNotFoundResponse({ description: 'Unknown stock-take' })
  @ApiConflictResponse({ description: 'The stock-take is closed' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown lot; countedAt in the future or before the opening; the Idempotency-Key was used for another request' })
  record(@Param('id', ParseUUIDPipe) id: string, @Body() body: RecordCountsDto, @IdempotentRequestOf() request: IdempotentRequest | null): Promise<IdempotentAnswer<StockTakeView>> {
    return this.handler.execute(id, body, request);
  }
}
