import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Actor, WarehouseScope } from '@giftflow/platform';
import { DeliveryView } from '../delivery.view';
import { MarkDeliveryHandler } from '../mark-delivery/mark-delivery.handler';
import { FailDeliveryDto } from './fail-delivery.dto';

@Controller('deliveries')
export class FailDeliveryController {
  constructor(private readonly handler: MarkDeliveryHandler) {}

  /** 201 with the delivery (the same body again for a repeated clientOpId); 404 unknown allocation; 409 see below; 422 bad happenedAt. */
  @Post(':allocationId/fail')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'ready/dispatched → failed; StockReleased + DeliveryFailed v2 (reason code); a repeated clientOpId answers the first body and changes nothing' })
  @ApiBadRequestResponse({ description: 'A bad field, each named' })
  @ApiNotFoundResponse({ description: 'Unknown allocation' })
  @ApiForbiddenResponse({ description: 'A volunteer, for another warehouse\'s delivery' })
  @ApiConflictResponse({ description: 'Not ready or dispatched, or already decided: {currentStatus, decidedAt, by}' })
  @ApiUnprocessableEntityResponse({ description: 'happenedAt more than 5 minutes ahead of the server or before the dispatch; clientOpId used for another step' })
  fail(@Param('allocationId', ParseUUIDPipe) allocationId: string, @Body() body: FailDeliveryDto, @Actor() actor: string, @WarehouseScope() scope: string[] | null): Promise<DeliveryView> {
    const { clientOpId, happenedAt, ...rest } = body;
    return this.handler.execute({ ...rest, allocationId, action: 'fail', clientOpId: clientOpId ?? randomUUID(), happenedAt: happenedAt ? new Date(happenedAt) : new Date() }, actor, scope);
  }
}
