import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findOr404 } from '@giftflow/platform';
import { Donor, DonorView, donorView } from '../donor.entity';

@Controller('donors')
export class GetDonorController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<DonorView> {
    return donorView(await findOr404(this.db.manager, Donor, id, 'donor'));
  }
}
