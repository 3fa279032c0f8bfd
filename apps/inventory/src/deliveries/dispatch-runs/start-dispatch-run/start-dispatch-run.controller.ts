import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor } from '@giftflow/platform';
import { DispatchRunView } from '../dispatch-run.view';
import { StartDispatchRunDto } from './start-dispatch-run.dto';
import { StartDispatchRunHandler } from './start-dispatch-run.handler';

@Controller('dispatch-runs')
export class StartDispatchRunController {
  constructor(private readonly handler: StartDispatchRunHandler) {}

  @Post()
  @ApiCreatedResponse({ description: '{id, warehouseCode, volunteer, createdAt, deliveries: [{allocationId, status, message?}]}: every ready one dispatched, the others say why' })
  @ApiBadRequestResponse({ description: 'A bad field, each named' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown warehouse' })
  start(@Body() body: StartDispatchRunDto, @Actor() actor: string): Promise<DispatchRunView> {
    return this.handler.execute(body, actor);
  }
}
