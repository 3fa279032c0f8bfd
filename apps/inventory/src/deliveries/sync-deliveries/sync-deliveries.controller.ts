import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse } from '@nestjs/swagger';
import { Actor, WarehouseScope } from '@giftflow/platform';
import { SyncDeliveriesDto } from './sync-deliveries.dto';
import { SyncDeliveriesHandler, SyncResult } from './sync-deliveries.handler';

@Controller('deliveries')
export class SyncDeliveriesController {
  constructor(private readonly handler: SyncDeliveriesHandler) {}

  @Post('sync')
  @HttpCode(200)
  @ApiOkResponse({ description: '{results: [{clientOpId, outcome: applied|duplicate|conflict|invalid, status, message?}]} in the order sent; a volunteer\'s operation on another warehouse\'s delivery is invalid' })
  @ApiBadRequestResponse({ description: 'operations missing, empty or longer than 1000' })
  sync(@Body() body: SyncDeliveriesDto, @Actor() actor: string, @WarehouseScope() scope: string[] | null): Promise<{ results: SyncResult[] }> {
    return this.handler.execute(body.operations, actor, scope);
  }
}
