import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { PledgeTrace, PledgeTraceHandler } from './pledge-trace.handler';

@Controller('reports/pledges')
export class PledgeTraceController {
  constructor(private readonly handler: PledgeTraceHandler) {}

  /** Where a pledge's goods are: received, on the shelf, held, delivered (where, what), returned. 404 if unknown. */
  @Get(':id/trace')
  trace(@Param('id', new ParseUUIDPipe()) id: string): Promise<PledgeTrace> {
    return this.handler.trace(id);
  }
}
