import { Body, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '@giftflow/platform';
import { DispatchTransferDto } from './dispatch-transfer/dispatch-transfer.dto';
import { DispatchTransferHandler } from './dispatch-transfer/dispatch-transfer.handler';
import { ReceiveTransferDto } from './receive-transfer/receive-transfer.dto';
import { ReceiveTransferHandler } from './receive-transfer/receive-transfer.handler';
import { TransferView, findTransfer } from './transfer.view';

/** Transfers between warehouses, in two steps. */
@Controller('transfers')
export class TransfersController {
  constructor(
    private readonly dispatchHandler: DispatchTransferHandler,
    private readonly receiveHandler: ReceiveTransferHandler,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post()
  @ApiCreatedResponse({ description: '{id, status: "in_transit", …}: the stock left the sender; TransferDispatched' })
  @ApiBadRequestResponse({ description: 'A bad field, each named' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or same warehouse; more than available: "cannot transfer 5 × BIKE from WH-1: …"' })
  dispatch(@Body() body: DispatchTransferDto, @Actor() actor: string): Promise<TransferView> {
    return this.dispatchHandler.execute(body, actor);
  }

  @Post(':id/receive')
  @ApiCreatedResponse({ description: '{id, status: "received", lines with receivedQuantity and receivedLotId}; TransferReceived, a shortfall as StockAdjusted (lost)' })
  @ApiBadRequestResponse({ description: 'A bad field, each named' })
  @ApiNotFoundResponse({ description: 'Unknown transfer' })
  @ApiConflictResponse({ description: 'Already received' })
  @ApiUnprocessableEntityResponse({ description: 'An item the transfer does not carry, or more than was sent' })
  receive(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReceiveTransferDto, @Actor() actor: string): Promise<TransferView> {
    return this.receiveHandler.execute(id, body, actor);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The transfer' })
  @ApiNotFoundResponse({ description: 'Unknown transfer' })
  async show(@Param('id', ParseUUIDPipe) id: string): Promise<TransferView> {
    const transfer = await findTransfer(this.dataSource.manager, id);
    if (!transfer) throw new NotFoundException(`transfer ${id} not found`);
    return transfer;
  }
}
