import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChildView, childView } from '../child.entity';
import { livingChildOr404 } from '../find-child';

@Controller('children')
export class GetChildController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The full record, for staff; a record merged away answers with the one it lives on as. 404 unknown id, 400 not a UUID. */
  @Get(':id')
  @ApiOkResponse({ description: "The child's full record (staff); for a merged-away id, the surviving record" })
  @ApiBadRequestResponse({ description: 'An id that is not a UUID' })
  @ApiNotFoundResponse({ description: 'Unknown child' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<ChildView> {
    return childView(await livingChildOr404(this.dataSource.manager, id));
  }
}
