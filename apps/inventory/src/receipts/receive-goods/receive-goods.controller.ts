import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf, WarehouseScope, assertInWarehouseScope } from '@giftflow/platform';
import { ReceiptView } from '../receipt.view';
import { ReceiveGoodsDto } from './receive-goods.dto';
import { ReceiveGoodsHandler } from './receive-goods.handler';

@Controller('receipts')
export class ReceiveGoodsController {
  constructor(private readonly handler: ReceiveGoodsHandler) {}

  /**
   * 201 with the receipt and its lots. 422: unknown pledge, warehouse or item, a service, an item not on the pledge,
   * more than outstanding, a future receivedOn, an expiry before it; 409: the pledge is cancelled.
   * A retry with the same Idempotency-Key returns the first receipt.
   */
  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'The receipt and its lots; GoodsReceived published (walkIn: true for a donation with no pledge)' })
  @ApiBadRequestResponse({ description: 'A bad field, each named' })
  @ApiConflictResponse({ description: 'The pledge is cancelled' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown pledge/warehouse/item, a service, not on the pledge, more than outstanding, receivedOn in the future, expiresOn before receivedOn; the Idempotency-Key was used for another request' })
  @ApiForbiddenResponse({ description: 'A volunteer, for another warehouse' })
  receive(
    @Body() body: ReceiveGoodsDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null, @WarehouseScope() scope: string[] | null,
  ): Promise<IdempotentAnswer<ReceiptView>> {
    assertInWarehouseScope(scope, body.warehouseCode, `warehouse ${body.warehouseCode}`);
    return this.handler.execute(body, actor, request);
  }
}
