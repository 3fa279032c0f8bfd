import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import { Actor } from '@giftflow/platform';
import { Campaign } from '../campaign.entity';
import { CloseCampaignHandler } from './close-campaign.handler';

@Controller('campaigns')
export class CloseCampaignController {
  constructor(private readonly handler: CloseCampaignHandler) {}

  @Post(':id/close')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'The campaign, status "closed"; publishes CampaignClosed. Closing again answers the same and publishes nothing.' })
  @ApiBadRequestResponse({ description: 'The id is not a UUID.' })
  @ApiNotFoundResponse({ description: 'No such campaign.' })
  close(@Param('id', ParseUUIDPipe) id: string, @Actor() actor: string): Promise<Campaign> {
    return this.handler.execute(id, actor);
  }
}
