import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { TransferView } from '../transfer.view';
import { ReceiveTransferDto } from './receive-transfer.dto';
import { ReceiveTransferHandler } from './receive-transfer.handler';

@Controller('transfers')
export class ReceiveTransferController {
  constructor(private readonly handler: ReceiveTransferHandler) {}

  @Post(':id/receive')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: '{id, status: "received", lines with receivedQuantity and receivedLotId}; TransferReceived, a shortfall as StockAdjusted (lost)' })
  @ApiBadRequestResponse({ description: 'A bad field, each named' })
  @ApiNotFoundResponse({ description: 'Unknown transfer' })
  @ApiConflictResponse({ description: 'Already received' })
  @ApiUnprocessableEntityResponse({ description: 'An item the transfer does not carry, or more than was sent; the Idempotency-Key was used for another request' })
  receive(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReceiveTransferDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null): Promise<IdempotentAnswer<TransferView>> {
    return this.handler.execute(id, body, actor, request);
  }
}
