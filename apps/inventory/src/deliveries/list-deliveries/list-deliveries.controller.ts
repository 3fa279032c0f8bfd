import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page, WarehouseScope, assertInWarehouseScope, pageRequestOf } from '@giftflow/platform';
import { DeliveryView, findDelivery, pageOfDeliveries } from '../delivery.view';
import { ListDeliveriesDto } from './list-deliveries.dto';

@Controller('deliveries')
export class ListDeliveriesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** e.g. `?status=ready&warehouseCode=ST-FUND`: what volunteers can take out now; paged. */
  @Get()
  @ApiOkResponse({ description: '{items, total, page, pageSize}: deliveries oldest first, filtered by volunteer, warehouseCode, campaignId, status' })
  @ApiBadRequestResponse({ description: 'A bad filter, each named' })
  @ApiForbiddenResponse({ description: 'A volunteer asking for another warehouse\'s deliveries (without warehouseCode they get their own warehouses\')' })
  list(@Query() query: ListDeliveriesDto, @WarehouseScope() scope: string[] | null): Promise<Page<DeliveryView>> {
    const { status, volunteer, warehouseCode, campaignId } = query;
    if (warehouseCode) assertInWarehouseScope(scope, warehouseCode, `warehouse ${warehouseCode}`);
    return pageOfDeliveries(this.dataSource.manager, { status, volunteer, warehouseCode, campaignId, warehouseCodes: scope }, pageRequestOf(query));
  }

  @Get(':allocationId')
  @ApiOkResponse({ description: 'One delivery' })
  @ApiBadRequestResponse({ description: 'Not a uuid' })
  @ApiNotFoundResponse({ description: 'Unknown allocation' })
  @ApiForbiddenResponse({ description: 'A volunteer, for another warehouse\'s delivery' })
  async one(@Param('allocationId', ParseUUIDPipe) allocationId: string, @WarehouseScope() scope: string[] | null): Promise<DeliveryView> {
    const delivery = await findDelivery(this.dataSource.manager, allocationId);
    if (!delivery) throw new NotFoundException(`allocation ${allocationId} not found`);
    assertInWarehouseScope(scope, delivery.warehouseCode, `delivery ${allocationId}`);
    return delivery;
  }
}
