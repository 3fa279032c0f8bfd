import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse } from '@nestjs/swagger';
import { Page } from '@giftflow/platform';
import { PledgeView } from '../pledge-view';
import { ListPledgesQueryDto } from './list-pledges.dto';
import { ListPledgesView } from './list-pledges.view';

@Controller('pledges')
export class ListPledgesController {
  constructor(private readonly view: ListPledgesView) {}

  @Get()
  @ApiOkResponse({ description: '`{items, total, page, pageSize}` of pledges with their lines, latest pledgedOn first.' })
  @ApiBadRequestResponse({ description: 'A bad filter, page or pageSize.' })
  list(@Query() query: ListPledgesQueryDto): Promise<Page<PledgeView>> {
    return this.view.list(query);
  }
}
