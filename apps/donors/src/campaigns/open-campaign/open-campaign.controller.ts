import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { Campaign } from '../campaign.entity';
import { OpenCampaignDto } from './open-campaign.dto';
import { OpenCampaignHandler } from './open-campaign.handler';

@Controller('campaigns')
export class OpenCampaignController {
  constructor(private readonly handler: OpenCampaignHandler) {}

  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'The campaign, status "open"; publishes CampaignOpened with its kind, districts, eligibility and targets.' })
  @ApiBadRequestResponse({ description: 'A bad field, named (e.g. endsOn before startsOn, ageMax below ageMin).' })
  @ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used for another request.' })
  open(
    @Body() body: OpenCampaignDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null,
  ): Promise<IdempotentAnswer<Campaign>> {
    return this.handler.execute(body, actor, request);
  }
}
