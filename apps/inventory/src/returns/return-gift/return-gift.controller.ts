import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { ReturnGiftDto } from './return-gift.dto';
import { ReturnGiftHandler, ReturnView } from './return-gift.handler';

@Controller('returns')
export class ReturnGiftController {
  constructor(private readonly handler: ReturnGiftHandler) {}

  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: '{id, allocationId, reason, restocked, lines: [{itemCode, quantity, sourceLotId, lotId|null, unitValueVnd}], at}; GiftReturned' })
  @ApiBadRequestResponse({ description: 'A bad field, each named' })
  @ApiNotFoundResponse({ description: 'Unknown allocation' })
  @ApiConflictResponse({ description: 'The delivery is not delivered' })
  @ApiUnprocessableEntityResponse({ description: 'More than can still be returned; services only; the Idempotency-Key was used for another request' })
  returnGift(@Body() body: ReturnGiftDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null): Promise<IdempotentAnswer<ReturnView>> {
    return this.handler.execute(body, actor, request);
  }
}
