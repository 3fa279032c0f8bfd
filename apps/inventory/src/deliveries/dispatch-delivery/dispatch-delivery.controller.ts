import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import { Actor } from '@giftflow/platform';
import { DeliveryView } from '../delivery.view';
import { DispatchDeliveryDto } from './dispatch-delivery.dto';
import { DispatchDeliveryHandler } from './dispatch-delivery.handler';

@Controller('deliveries')
export class DispatchDeliveryController {
  constructor(private readonly handler: DispatchDeliveryHandler) {}

  /** 201 with the delivery; 404 unknown allocation; 409 when it is not ready (reserved: "not confirmed yet"). */
  @Post(':allocationId/dispatch')
  @ApiCreatedResponse({ description: 'the delivery, dispatched; publishes ShipmentDispatched' })
  @ApiBadRequestResponse({ description: 'the id is not a UUID, or a field fails validation' })
  @ApiNotFoundResponse({ description: 'no delivery for this allocation' })
  @ApiConflictResponse({ description: 'the delivery is not ready (e.g. the allocation is not confirmed yet)' })
  dispatch(@Param('allocationId', ParseUUIDPipe) allocationId: string, @Body() body: DispatchDeliveryDto, @Actor() actor: string): Promise<DeliveryView> {
    return this.handler.execute(allocationId, body, actor);
  }
}
