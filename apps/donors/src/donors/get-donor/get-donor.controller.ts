import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findOr404 } from '@giftflow/platform';
import { Donor } from '../donor.entity';

@Controller('donors')
export class GetDonorController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<Donor> {
    return findOr404(this.db.manager, Donor, id, 'donor');
  }
}
