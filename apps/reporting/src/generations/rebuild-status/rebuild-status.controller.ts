import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { RebuildStatus, RebuildStatusHandler } from './rebuild-status.handler';

@Controller('admin/rebuild')
export class RebuildStatusController {
  constructor(private readonly handler: RebuildStatusHandler) {}

  @Get()
  @ApiOkResponse({ description: 'progress of the latest rebuild' })
  status(): Promise<RebuildStatus> {
    return this.handler.status();
  }
}
