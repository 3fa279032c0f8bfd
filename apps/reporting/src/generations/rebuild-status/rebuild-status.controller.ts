import { Controller, Get } from '@nestjs/common';
import { RebuildStatus, RebuildStatusHandler } from './rebuild-status.handler';

@Controller('admin/rebuild')
export class RebuildStatusController {
  constructor(private readonly handler: RebuildStatusHandler) {}

  @Get()
  status(): Promise<RebuildStatus> {
    return this.handler.status();
  }
}
