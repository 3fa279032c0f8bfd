import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { RebuildStarted, StartRebuildHandler } from './start-rebuild.handler';

@ApiTags('admin')
@Controller('admin/rebuild')
export class StartRebuildController {
  constructor(private readonly handler: StartRebuildHandler) {}

  /** 202: the replay runs in the background; GET /admin/rebuild and GET /reports/status follow it. 409 while another one runs. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: '{generation, status: "rebuilding"}: the replay runs in the background' })
  @ApiConflictResponse({ description: 'Another rebuild is still running' })
  @ApiServiceUnavailableResponse({ description: 'Reports kept the read models busy for 5 s; try again' })
  start(): Promise<RebuildStarted> {
    return this.handler.start();
  }
}
