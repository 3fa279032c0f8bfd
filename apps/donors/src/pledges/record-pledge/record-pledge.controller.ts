import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { PledgeView } from '../pledge-view';
import { RecordPledgeDto } from './record-pledge.dto';
import { RecordPledgeHandler } from './record-pledge.handler';

@Controller('pledges')
export class RecordPledgeController {
  constructor(private readonly handler: RecordPledgeHandler) {}

  /**
   * The Idempotency-Key header is required: a retry with the same key and body answers the stored 201 and body
   * with `Idempotent-Replayed: true`, and records nothing.
   */
  @Post()
  @ApiIdempotencyKey(true)
  @ApiCreatedResponse({ description: 'The pledge (status "pledged"); publishes PledgeRecorded with pledgedOn (and expectedOn).' })
  @ApiBadRequestResponse({ description: 'A bad field, named; or no Idempotency-Key.' })
  @ApiConflictResponse({ description: 'The campaign is closed.' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown donor or campaign; pledgedOn in the future; the Idempotency-Key was used for another request.' })
  record(
    @Body() body: RecordPledgeDto, @Actor() actor: string, @IdempotentRequestOf({ required: true }) request: IdempotentRequest,
  ): Promise<IdempotentAnswer<PledgeView>> {
    return this.handler.execute(body, actor, request);
  }
}
