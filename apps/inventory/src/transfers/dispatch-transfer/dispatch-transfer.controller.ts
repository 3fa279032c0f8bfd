import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor } from '@giftflow/platform';
import { TransferView } from '../transfer.view';
import { DispatchTransferDto } from './dispatch-transfer.dto';
import { DispatchTransferHandler } from './dispatch-transfer.handler';

@Controller('transfers')
export class DispatchTransferController {
  constructor(private readonly handler: DispatchTransferHandler) {}

  @Post()
  @ApiCreatedResponse({ description: '{id, status: "in_transit", …}: the stock left the sender; TransferDispatched' })
  @ApiBadRequestResponse({ description: 'A bad field, each named' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or same warehouse; more than available: "cannot transfer 5 × BIKE from WH-1: …"' })
  dispatch(@Body() body: DispatchTransferDto, @Actor() actor: string): Promise<TransferView> {
    return this.handler.execute(body, actor);
  }
}
