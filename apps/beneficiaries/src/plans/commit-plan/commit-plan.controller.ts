import { Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse, ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiServiceUnavailableResponse, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { PlanView } from '../plan.view';
import { CommitPlanHandler } from './commit-plan.handler';

@Controller('allocation-plans')
export class CommitPlanController {
  constructor(private readonly handler: CommitPlanHandler) {}

  @Post(':id/commit')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiIdempotencyKey()
  @ApiAcceptedResponse({ description: 'The committed plan: one allocation per roster entry that fits the stock (requested; inventory decides by event), the roster frozen' })
  @ApiBadRequestResponse({ description: 'An id that is not a UUID' })
  @ApiNotFoundResponse({ description: 'Unknown plan' })
  @ApiConflictResponse({ description: 'Already committed' })
  @ApiUnprocessableEntityResponse({ description: 'The campaign closed, or the date is outside it (rule); the Idempotency-Key was used for another request' })
  @ApiServiceUnavailableResponse({ description: 'inventory did not say what stock is available' })
  commit(
    @Param('id', ParseUUIDPipe) id: string, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null,
  ): Promise<IdempotentAnswer<PlanView>> {
    return this.handler.execute(id, actor, request);
  }
}
