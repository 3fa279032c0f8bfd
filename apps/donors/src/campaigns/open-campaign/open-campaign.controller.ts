import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, IdempotencyKey } from '@giftflow/platform';
import { answerCreated } from '../../idempotency/claim-idempotency-key';
import { Campaign } from '../campaign.entity';
import { OpenCampaignDto } from './open-campaign.dto';
import { OpenCampaignHandler } from './open-campaign.handler';

@Controller('campaigns')
export class OpenCampaignController {
  constructor(private readonly handler: OpenCampaignHandler) {}

  /** 201 with the campaign; publishes CampaignOpened. 400 when endsOn is before startsOn. Idempotency-Key optional. */
  @Post()
  @ApiCreatedResponse({ description: 'the campaign (a replay: the first one, header Idempotent-Replayed: true); publishes CampaignOpened' })
  @ApiBadRequestResponse({ description: 'a field fails validation, or endsOn is before startsOn' })
  @ApiUnprocessableEntityResponse({ description: 'the Idempotency-Key was used for a different request' })
  async open(
    @Body() body: OpenCampaignDto, @Actor() actor: string, @IdempotencyKey() key: string | null, @Res({ passthrough: true }) res: Response,
  ): Promise<Campaign> {
    return answerCreated(res, await this.handler.execute(body, actor, key));
  }
}
