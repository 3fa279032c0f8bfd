import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findOr404 } from '@giftflow/platform';
import { Institution, InstitutionView, institutionView } from '../institution.entity';

@Controller('institutions')
export class GetInstitutionController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 404 unknown id, 400 not a UUID. */
  @Get(':id')
  @ApiOkResponse({ description: 'the institution' })
  @ApiBadRequestResponse({ description: 'the id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no institution with this id' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<InstitutionView> {
    return institutionView(await findOr404(this.dataSource.manager, Institution, id, 'institution'));
  }
}
