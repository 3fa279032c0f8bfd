import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { TransferView } from '../transfer.view';
import { DispatchTransferDto } from './dispatch-transfer.dto';
import { DispatchTransferHandler } from './dispatch-transfer.handler';

@Controller('transfers')
export class DispatchTransferController {
  constructor(private readonly handler: DispatchTransferHandler) {}

  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: '{id, status: "in_transit", …}: the stock left the sender; TransferDispatched' })
  @ApiBadRequestResponse({ description: 'A bad field, each named' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or same warehouse; more than available: "cannot transfer 5 × BIKE from WH-1: …"; the Idempotency-Key was used for another request' })
  dispatch(@Body() body: DispatchTransferDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null): Promise<IdempotentAnswer<TransferView>> {
    return this.handler.execute(body, actor, request);
  }
}
