import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DispatchRunView, findDispatchRun } from '../dispatch-run.view';

@Controller('dispatch-runs')
export class ShowDispatchRunController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':id')
  @ApiOkResponse({ description: 'The run, each delivery with its status now' })
  @ApiBadRequestResponse({ description: 'Not a uuid' })
  @ApiNotFoundResponse({ description: 'Unknown run' })
  async show(@Param('id', ParseUUIDPipe) id: string): Promise<DispatchRunView> {
    const run = await findDispatchRun(this.dataSource.manager, id);
    if (!run) throw new NotFoundException(`dispatch run ${id} not found`);
    return run;
  }
}
