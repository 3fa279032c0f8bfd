import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
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
  start(@Body() body: StartDispatchRunDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null): Promise<IdempotentAnswer<DispatchRunView>> {
    return this.handler.execute(body, actor, request);
  }
}
