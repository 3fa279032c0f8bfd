import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { SponsorshipView } from '../sponsorship.entity';
import { EnrolSponsorshipDto } from './enrol-sponsorship.dto';
import { EnrolSponsorshipHandler } from './enrol-sponsorship.handler';

@Controller('sponsorships')
export class EnrolSponsorshipController {
  constructor(private readonly handler: EnrolSponsorshipHandler) {}

  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'The sponsorship {id, status: "active", endMonth, …}; SponsorshipEnrolled is published' })
  @ApiBadRequestResponse({ description: 'A field that fails validation, named' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown donor or child; the child already at the age limit in startMonth; endMonth after the limit or before startMonth; a closed or unknown campaign (rule)' })
  enrol(@Body() body: EnrolSponsorshipDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null): Promise<IdempotentAnswer<SponsorshipView>> {
    return this.handler.execute(body, actor, request);
  }
}
