import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthenticatedUser, CurrentUser, warehouseScopeOf } from '@giftflow/platform';
import { ChildView, childView } from '../child.entity';
import { livingChildOr404, readLivingChildOr404 } from '../find-child';
import { ChildDeliveryCard, deliveryCardFor } from './child-delivery-card';

@Controller('children')
export class GetChildController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The full record, for staff, written to the access log (child_record_reads: who, when, which child); a record
   * merged away answers with the one it lives on as. A volunteer gets only the delivery card. 404 unknown id,
   * 400 not a UUID.
   */
  @Get(':id')
  @ApiOkResponse({ description: "The child's full record (staff; each read is logged); for a merged-away id, the surviving record. A volunteer: `{id, fullName, communeCode, guardianName}`" })
  @ApiBadRequestResponse({ description: 'An id that is not a UUID' })
  @ApiForbiddenResponse({ description: 'A volunteer, for a child with no delivery from their warehouses' })
  @ApiNotFoundResponse({ description: 'Unknown child' })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<ChildView | ChildDeliveryCard> {
    const m = this.dataSource.manager;
    const scope = warehouseScopeOf(user);
    if (scope) return deliveryCardFor(m, await livingChildOr404(m, id), scope);
    return childView(await readLivingChildOr404(m, id, user.id));
  }
}
