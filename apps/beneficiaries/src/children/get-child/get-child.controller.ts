import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findOr404 } from '@giftflow/platform';
import { Child, ChildView, childView } from '../child.entity';

@Controller('children')
export class GetChildController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The full record, for staff; 404 unknown id, 400 not a UUID. */
  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<ChildView> {
    return childView(await findOr404(this.dataSource.manager, Child, id, 'child'));
  }
}
