import { Body, Controller, Post } from '@nestjs/common';
import { Actor, IdempotencyKey } from '@giftflow/platform';
import { CampaignView } from '../campaign.entity';
import { OpenCampaignDto } from './open-campaign.dto';
import { OpenCampaignHandler } from './open-campaign.handler';

@Controller('campaigns')
export class OpenCampaignController {
  constructor(private readonly handler: OpenCampaignHandler) {}

  /** 201 with the campaign; publishes CampaignOpened. */
  @Post()
  open(@Body() body: OpenCampaignDto, @Actor() actor: string, @IdempotencyKey() key: string | null): Promise<CampaignView> {
    return this.handler.execute(body, actor, key);
  }
}
