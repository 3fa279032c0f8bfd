import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import { Actor } from '@giftflow/platform';
import { DeliveryView } from '../delivery.view';
import { ConfirmDeliveryDto } from './confirm-delivery.dto';
import { ConfirmDeliveryHandler } from './confirm-delivery.handler';

@Controller('deliveries')
export class ConfirmDeliveryController {
  constructor(private readonly handler: ConfirmDeliveryHandler) {}

  /** 201 with the delivery; 404 unknown allocation; 409 unless dispatched. */
  @Post(':allocationId/confirm')
  @ApiCreatedResponse({ description: 'the delivery, delivered; publishes DeliveryConfirmed' })
  @ApiBadRequestResponse({ description: 'the id is not a UUID, or a field fails validation' })
  @ApiNotFoundResponse({ description: 'no delivery for this allocation' })
  @ApiConflictResponse({ description: 'the delivery is not dispatched' })
  confirm(@Param('allocationId', ParseUUIDPipe) allocationId: string, @Body() body: ConfirmDeliveryDto, @Actor() actor: string): Promise<DeliveryView> {
    return this.handler.execute(allocationId, body, actor);
  }
}
