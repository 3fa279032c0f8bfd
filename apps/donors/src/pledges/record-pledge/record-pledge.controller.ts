import { BadRequestException, Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, IdempotencyKey } from '@giftflow/platform';
import { answerCreated } from '../../idempotency/claim-idempotency-key';
import { PledgeView } from '../pledge-view';
import { RecordPledgeDto } from './record-pledge.dto';
import { RecordPledgeHandler } from './record-pledge.handler';

@Controller('pledges')
export class RecordPledgeController {
  constructor(private readonly handler: RecordPledgeHandler) {}

  /**
   * 201 with the pledge (status "pledged"); publishes PledgeRecorded. The Idempotency-Key header is required:
   * a retry with the same key and body answers 201 with the same pledge (as it stands now) and the header
   * `Idempotent-Replayed: true`, and records nothing. 422 for an unknown donor or campaign, or a key that was
   * used for a different body.
   */
  @Post()
  @ApiCreatedResponse({ description: 'the pledge, status "pledged" (a replay with the same key and body: the same pledge as it stands now, header Idempotent-Replayed: true); publishes PledgeRecorded' })
  @ApiBadRequestResponse({ description: 'a field fails validation, or the Idempotency-Key header is missing' })
  @ApiUnprocessableEntityResponse({ description: 'unknown donor or campaign, or the Idempotency-Key was used for a different body' })
  async record(
    @Body() body: RecordPledgeDto, @Actor() actor: string, @IdempotencyKey() key: string | null, @Res({ passthrough: true }) res: Response,
  ): Promise<PledgeView> {
    if (!key) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: ['Idempotency-Key header is required'] });
    return answerCreated(res, await this.handler.execute(body, actor, key));
  }
}
