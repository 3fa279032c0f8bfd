import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse } from '@nestjs/swagger';
import { AcceptRebuildHandler, RebuildAccepted } from './accept-rebuild.handler';

@Controller('admin/rebuild')
export class AcceptRebuildController {
  constructor(private readonly handler: AcceptRebuildHandler) {}

  /** 200: the running rebuild is swapped in once caught up, dead letters or not. 409 when none runs. */
  @Post('accept')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'the running rebuild will be swapped in once caught up, dead letters or not' })
  @ApiConflictResponse({ description: 'no rebuild is running' })
  accept(): Promise<RebuildAccepted> {
    return this.handler.accept();
  }
}
