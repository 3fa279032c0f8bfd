import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { Actor } from '@giftflow/platform';
import { SponsorshipView } from '../sponsorship.entity';
import { CancelSponsorshipDto } from './cancel-sponsorship.dto';
import { CancelSponsorshipHandler } from './cancel-sponsorship.handler';

@Controller('sponsorships')
export class CancelSponsorshipController {
  constructor(private readonly handler: CancelSponsorshipHandler) {}

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'The sponsorship, cancelled (nothing due after this month); SponsorshipCancelled is published' })
  @ApiBadRequestResponse({ description: 'No reason, or an id that is not a UUID' })
  @ApiNotFoundResponse({ description: 'Unknown sponsorship' })
  @ApiConflictResponse({ description: 'Already cancelled or ended' })
  cancel(@Param('id', ParseUUIDPipe) id: string, @Body() body: CancelSponsorshipDto, @Actor() actor: string): Promise<SponsorshipView> {
    return this.handler.execute(id, body.reason, actor);
  }
}
