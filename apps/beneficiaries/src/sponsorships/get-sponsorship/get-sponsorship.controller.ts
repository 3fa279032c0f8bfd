import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findOr404 } from '@giftflow/platform';
import { Clock } from '../../clock/clock';
import { Statement } from '../sponsorship-schedule';
import { statementsOf } from '../sponsorship-statement';
import { Sponsorship, SponsorshipView, sponsorshipView } from '../sponsorship.entity';

@Controller('sponsorships')
export class GetSponsorshipController {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly clock: Clock) {}

  @Get(':id')
  @ApiOkResponse({ description: 'The sponsorship with months [{month, dueVnd, paidVnd, paidOn}], paidVnd and arrearsVnd (due up to this month, unpaid)' })
  @ApiBadRequestResponse({ description: 'An id that is not a UUID' })
  @ApiNotFoundResponse({ description: 'Unknown sponsorship' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<SponsorshipView & Statement> {
    const sponsorship = await findOr404(this.db.manager, Sponsorship, id, 'sponsorship');
    const statement = (await statementsOf(this.db.manager, [sponsorship], this.clock.month())).get(id)!;
    return { ...sponsorshipView(sponsorship), ...statement };
  }
}
