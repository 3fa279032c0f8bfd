import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { findOr404 } from '@giftflow/platform';
import { Donor } from '../donor.entity';
import { DonorView, donorView } from '../donor.view';

@Controller('donors')
export class GetDonorController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get(':id')
  @ApiOkResponse({ description: 'The donor with its contacts (staff).' })
  @ApiBadRequestResponse({ description: 'The id is not a UUID.' })
  @ApiNotFoundResponse({ description: 'No such donor.' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<DonorView> {
    return donorView(await findOr404(this.db.manager, Donor, id, 'donor'));
  }
}
