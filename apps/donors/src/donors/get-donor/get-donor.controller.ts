import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findOr404 } from '@giftflow/platform';
import { Donor } from '../donor.entity';

@Controller('donors')
export class GetDonorController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get(':id')
  @ApiOkResponse({ description: 'the donor' })
  @ApiBadRequestResponse({ description: 'the id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no donor with this id' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<Donor> {
    return findOr404(this.db.manager, Donor, id, 'donor');
  }
}
