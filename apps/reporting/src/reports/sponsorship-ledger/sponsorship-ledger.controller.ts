import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SponsorshipLedgerQuery } from './sponsorship-ledger.dto';
import { SponsorshipLedger, SponsorshipLedgerHandler } from './sponsorship-ledger.handler';

@ApiTags('reports')
@Controller('reports/sponsorships')
export class SponsorshipLedgerController {
  constructor(private readonly handler: SponsorshipLedgerHandler) {}

  /** GET /reports/sponsorships?month=2026-06[&asOf] — per sponsorship: due, paid, arrears. */
  @Get()
  @ApiOkResponse({ description: 'Each sponsorship due (or in arrears) in the month, by pseudonymous child id' })
  @ApiBadRequestResponse({ description: 'month missing or not YYYY-MM' })
  ledger(@Query() query: SponsorshipLedgerQuery): Promise<SponsorshipLedger> {
    return this.handler.ledger(query.month, query.asOf);
  }
}
