import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf, WarehouseScope, assertInWarehouseScope } from '@giftflow/platform';
import { DispatchRunView } from '../dispatch-run.view';
import { StartDispatchRunDto } from './start-dispatch-run.dto';
import { StartDispatchRunHandler } from './start-dispatch-run.handler';

@Controller('dispatch-runs')
export class StartDispatchRunController {
  constructor(private readonly handler: StartDispatchRunHandler) {}

  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: '{id, warehouseCode, volunteer, createdAt, deliveries: [{allocationId, status, message?}]}: every ready one dispatched, the others say why' })
  @ApiBadRequestResponse({ description: 'A bad field, each named' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown warehouse; the Idempotency-Key was used for another request' })
  @ApiForbiddenResponse({ description: 'A volunteer, for another warehouse' })
  start(
    @Body() body: StartDispatchRunDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null, @WarehouseScope() scope: string[] | null,
  ): Promise<IdempotentAnswer<DispatchRunView>> {
    assertInWarehouseScope(scope, body.warehouseCode, `warehouse ${body.warehouseCode}`);
    return this.handler.execute(body, actor, request);
  }
}
