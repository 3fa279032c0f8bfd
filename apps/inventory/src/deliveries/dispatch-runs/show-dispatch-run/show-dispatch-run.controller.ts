import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { WarehouseScope, assertInWarehouseScope } from '@giftflow/platform';
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
  @ApiForbiddenResponse({ description: 'A volunteer, for another warehouse\'s run' })
  async show(@Param('id', ParseUUIDPipe) id: string, @WarehouseScope() scope: string[] | null): Promise<DispatchRunView> {
    const run = await findDispatchRun(this.dataSource.manager, id);
    if (!run) throw new NotFoundException(`dispatch run ${id} not found`);
    assertInWarehouseScope(scope, run.warehouseCode, `dispatch run ${id}`);
    return run;
  }
}
