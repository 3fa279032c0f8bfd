import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse } from '@nestjs/swagger';
import { Page } from '../../paging/page-query.dto';
import { ChildView } from '../child.entity';
import { ListChildrenDto } from './list-children.dto';
import { ListChildrenView } from './list-children.view';

@Controller('children')
export class ListChildrenController {
  constructor(private readonly view: ListChildrenView) {}

  @Get()
  @ApiOkResponse({ description: '{items: [child records], total, page, pageSize} (staff); search ignores case and diacritics' })
  @ApiBadRequestResponse({ description: 'A filter or page that fails validation' })
  list(@Query() query: ListChildrenDto): Promise<Page<ChildView>> {
    return this.view.list(query);
  }
}
