import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import { Actor } from '@giftflow/platform';
import { DeliveryView } from '../delivery.view';
import { FailDeliveryDto } from './fail-delivery.dto';
import { FailDeliveryHandler } from './fail-delivery.handler';

@Controller('deliveries')
export class FailDeliveryController {
  constructor(private readonly handler: FailDeliveryHandler) {}

  /** 201 with the delivery; 404 unknown allocation; 409 unless dispatched or ready. */
  @Post(':allocationId/fail')
  @ApiCreatedResponse({ description: 'the delivery, failed; publishes StockReleased and DeliveryFailed (the stock is back on the shelf)' })
  @ApiBadRequestResponse({ description: 'the id is not a UUID, or a field fails validation' })
  @ApiNotFoundResponse({ description: 'no delivery for this allocation' })
  @ApiConflictResponse({ description: 'the delivery is neither ready nor dispatched' })
  fail(@Param('allocationId', ParseUUIDPipe) allocationId: string, @Body() body: FailDeliveryDto, @Actor() actor: string): Promise<DeliveryView> {
    return this.handler.execute(allocationId, body, actor);
  }
}
