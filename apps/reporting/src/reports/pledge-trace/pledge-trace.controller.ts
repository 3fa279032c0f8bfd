import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { PledgeTrace, PledgeTraceHandler } from './pledge-trace.handler';

@Controller('reports/pledges')
export class PledgeTraceController {
  constructor(private readonly handler: PledgeTraceHandler) {}

  /** Where a pledge's goods are: received, on the shelf, held, delivered (where, what), returned. 404 if unknown. */
  @Get(':id/trace')
  @ApiOkResponse({ description: 'where the pledge\'s goods are: pledged, received, in stock, reserved, delivered (by district and category), returned' })
  @ApiBadRequestResponse({ description: 'the id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no event about this pledge has been projected' })
  trace(@Param('id', new ParseUUIDPipe()) id: string): Promise<PledgeTrace> {
    return this.handler.trace(id);
  }
}
