import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DonorStatementQuery } from './donor-statement.dto';
import { DonorStatement, DonorStatementHandler } from './donor-statement.handler';

@ApiTags('reports')
@Controller('reports/donors')
export class DonorStatementController {
  constructor(private readonly handler: DonorStatementHandler) {}

  /** GET /reports/donors/:id/statement?from=2026-01-01&to=2026-06-30 — where my gifts went (a known donor with nothing in the period: zeros). */
  @Get(':id/statement')
  @ApiOkResponse({ description: 'Each pledge of the donor with what was pledged, received and given out, by category and district' })
  @ApiBadRequestResponse({ description: 'id is not a UUID, from/to missing or malformed, or from after to' })
  @ApiNotFoundResponse({ description: 'no pledge, walk-in receipt or sponsorship of this donor has reached reporting' })
  statement(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: DonorStatementQuery): Promise<DonorStatement> {
    return this.handler.statement(id, query.from, query.to);
  }
}
