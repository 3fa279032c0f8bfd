import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, IdempotencyKey } from '@giftflow/platform';
import { ReceiptView } from '../receipt.view';
import { ReceiveGoodsDto } from './receive-goods.dto';
import { ReceiveGoodsHandler } from './receive-goods.handler';

@Controller('receipts')
export class ReceiveGoodsController {
  constructor(private readonly handler: ReceiveGoodsHandler) {}

  /**
   * 201 with the receipt and its lots. 422: unknown pledge, warehouse or item, an item not on the pledge,
   * more than outstanding; 409: the pledge is cancelled. A retry with the same Idempotency-Key returns the first receipt.
   */
  @Post()
  @ApiCreatedResponse({ description: 'the receipt and its lots (a retry with the same Idempotency-Key: the first receipt); publishes GoodsReceived' })
  @ApiBadRequestResponse({ description: 'a field fails validation' })
  @ApiConflictResponse({ description: 'the pledge is cancelled' })
  @ApiUnprocessableEntityResponse({ description: 'unknown pledge, warehouse or item, an item not on the pledge, more than outstanding' })
  receive(@Body() body: ReceiveGoodsDto, @Actor() actor: string, @IdempotencyKey() idempotencyKey: string | null): Promise<ReceiptView> {
    return this.handler.execute(body, actor, idempotencyKey);
  }
}
