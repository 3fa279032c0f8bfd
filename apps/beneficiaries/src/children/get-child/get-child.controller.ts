import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findOr404 } from '@giftflow/platform';
import { Child, ChildView, childView } from '../child.entity';

@Controller('children')
export class GetChildController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The full record, for staff; 404 unknown id, 400 not a UUID. */
  @Get(':id')
  @ApiOkResponse({ description: 'the full record, for staff' })
  @ApiBadRequestResponse({ description: 'the id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no child with this id' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<ChildView> {
    return childView(await findOr404(this.dataSource.manager, Child, id, 'child'));
  }
}
