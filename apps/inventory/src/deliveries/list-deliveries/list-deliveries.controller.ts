import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DeliveryView, findDeliveries } from '../delivery.view';
import { ListDeliveriesDto } from './list-deliveries.dto';

@Controller('deliveries')
export class ListDeliveriesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** e.g. `?status=ready`: what volunteers can take out now. */
  @Get()
  @ApiOkResponse({ description: 'the deliveries in that status (all without a filter)' })
  @ApiBadRequestResponse({ description: 'an unknown status' })
  list(@Query() query: ListDeliveriesDto): Promise<DeliveryView[]> {
    return findDeliveries(this.dataSource.manager, { status: query.status });
  }

  @Get(':allocationId')
  @ApiOkResponse({ description: 'the delivery of this allocation' })
  @ApiBadRequestResponse({ description: 'the id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no delivery for this allocation' })
  async one(@Param('allocationId', ParseUUIDPipe) allocationId: string): Promise<DeliveryView> {
    const [delivery] = await findDeliveries(this.dataSource.manager, { allocationId });
    if (!delivery) throw new NotFoundException(`allocation ${allocationId} not found`);
    return delivery;
  }
}
