import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse } from '@nestjs/swagger';
import { Page } from '../../paging/page-query.dto';
import { ListSponsorshipsDto } from './list-sponsorships.dto';
import { ListSponsorshipsView, SponsorshipSummary } from './list-sponsorships.view';

@Controller('sponsorships')
export class ListSponsorshipsController {
  constructor(private readonly view: ListSponsorshipsView) {}

  @Get()
  @ApiOkResponse({ description: '{items: [sponsorship + paidVnd, arrearsVnd], total, page, pageSize}' })
  @ApiBadRequestResponse({ description: 'A filter or page that fails validation' })
  list(@Query() query: ListSponsorshipsDto): Promise<Page<SponsorshipSummary>> {
    return this.view.list(query);
  }
}
