import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { PledgeView, findPledgeView } from '../pledge-view';

@Controller('pledges')
export class GetPledgeController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The pledge's status and, per line, pledged / received / delivered quantities. */
  @Get(':id')
  @ApiOkResponse({ description: 'The pledge: status, pledgedOn, expectedOn, walkIn, closeReason and per line pledged / received / delivered.' })
  @ApiBadRequestResponse({ description: 'The id is not a UUID.' })
  @ApiNotFoundResponse({ description: 'No such pledge.' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<PledgeView> {
    const pledge = await findPledgeView(this.db.manager, id);
    if (!pledge) throw new NotFoundException(`pledge ${id} not found`);
    return pledge;
  }
}
