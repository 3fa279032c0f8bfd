import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findOr404 } from '@giftflow/platform';
import { Pledge, PledgeView, pledgeView } from '../pledge.entity';

@Controller('pledges')
export class GetPledgeController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The pledge's status and, per line, pledged / received / delivered quantities. */
  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<PledgeView> {
    return pledgeView(await findOr404(this.db.manager, Pledge, id, 'pledge'));
  }
}
