import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse } from '@nestjs/swagger';
import { Page } from '@giftflow/platform';
import { DonorView } from '../donor.view';
import { ListDonorsQueryDto } from './list-donors.dto';
import { ListDonorsView } from './list-donors.view';

@Controller('donors')
export class ListDonorsController {
  constructor(private readonly view: ListDonorsView) {}

  @Get()
  @ApiOkResponse({ description: '`{items, total, page, pageSize}` of donors by name; search ignores case and Vietnamese diacritics (đ = d).' })
  @ApiBadRequestResponse({ description: 'A bad kind, page or pageSize.' })
  list(@Query() query: ListDonorsQueryDto): Promise<Page<DonorView>> {
    return this.view.list(query);
  }
}
