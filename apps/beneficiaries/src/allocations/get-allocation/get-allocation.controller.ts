import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findOr404 } from '@giftflow/platform';
import { Allocation, AllocationView, allocationView } from '../allocation.entity';

@Controller('allocations')
export class GetAllocationController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The allocation and where its saga has got to; 404 unknown id, 400 not a UUID. */
  @Get(':id')
  @ApiOkResponse({ description: 'the allocation: status requested|confirmed|rejected|dispatched|delivered|failed|cancelled and the reason' })
  @ApiBadRequestResponse({ description: 'the id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no allocation with this id' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<AllocationView> {
    return allocationView(await findOr404(this.dataSource.manager, Allocation, id, 'allocation'));
  }
}
