import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page, paging } from '../../paging/page-query.dto';
import { Institution, InstitutionView, institutionView } from '../institution.entity';
import { ListInstitutionsDto } from './list-institutions.dto';

@Controller('institutions')
export class ListInstitutionsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @ApiOkResponse({ description: '{items: [institutions], total, page, pageSize}, by name' })
  @ApiBadRequestResponse({ description: 'A filter or page that fails validation' })
  async list(@Query() q: ListInstitutionsDto): Promise<Page<InstitutionView>> {
    const { page, pageSize, limit, offset } = paging(q);
    const [rows, total] = await this.db.manager.findAndCount(Institution, {
      where: q.districtCode ? { districtCode: q.districtCode } : {}, order: { name: 'ASC', id: 'ASC' }, take: limit, skip: offset,
    });
    return { items: rows.map(institutionView), total, page, pageSize };
  }
}
