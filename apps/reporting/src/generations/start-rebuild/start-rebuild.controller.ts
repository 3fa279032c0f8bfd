import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse } from '@nestjs/swagger';
import { RebuildStarted, StartRebuildHandler } from './start-rebuild.handler';

@Controller('admin/rebuild')
export class StartRebuildController {
  constructor(private readonly handler: StartRebuildHandler) {}

  /** 202: the replay runs in the background; GET /admin/rebuild follows it. 409 while another one runs. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: '{generation, status}: the replay runs in the background; GET /admin/rebuild follows it' })
  @ApiConflictResponse({ description: 'another rebuild is running' })
  start(): Promise<RebuildStarted> {
    return this.handler.start();
  }
}
