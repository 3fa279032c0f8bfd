import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TransferView, findTransfer } from '../transfer.view';

@Controller('transfers')
export class ShowTransferController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':id')
  @ApiOkResponse({ description: 'The transfer' })
  @ApiBadRequestResponse({ description: 'Not a uuid' })
  @ApiNotFoundResponse({ description: 'Unknown transfer' })
  async show(@Param('id', ParseUUIDPipe) id: string): Promise<TransferView> {
    const transfer = await findTransfer(this.dataSource.manager, id);
    if (!transfer) throw new NotFoundException(`transfer ${id} not found`);
    return transfer;
  }
}
