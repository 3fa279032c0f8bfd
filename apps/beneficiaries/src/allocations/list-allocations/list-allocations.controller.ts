import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse } from '@nestjs/swagger';
import { Page } from '../../paging/page-query.dto';
import { AllocationView } from '../allocation.entity';
import { ListAllocationsDto } from './list-allocations.dto';
import { ListAllocationsView } from './list-allocations.view';

@Controller('allocations')
export class ListAllocationsController {
  constructor(private readonly view: ListAllocationsView) {}

  @Get()
  @ApiOkResponse({ description: '{items, total, page, pageSize}, newest first' })
  @ApiBadRequestResponse({ description: 'A filter or page that fails validation' })
  list(@Query() query: ListAllocationsDto): Promise<Page<AllocationView>> {
    return this.view.list(query);
  }
}
