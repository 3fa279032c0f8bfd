import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiServiceUnavailableResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { PlanView } from '../plan.view';
import { PreviewPlanDto } from './preview-plan.dto';
import { PreviewPlanHandler } from './preview-plan.handler';

@Controller('allocation-plans')
export class PreviewPlanController {
  constructor(private readonly handler: PreviewPlanHandler) {}

  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'A draft plan: {id, status: "draft", roster: [{beneficiaryId, rank, needScore, reasons}], excluded: [{beneficiaryId, reason}], stock: [{itemCode, available, needed}], willReceive, willWait}' })
  @ApiBadRequestResponse({ description: 'A field that fails validation, named' })
  @ApiUnprocessableEntityResponse({ description: 'The campaign is unknown, closed or the date outside it (rule); allocatedOn in the future; goods mixed with services' })
  @ApiServiceUnavailableResponse({ description: 'inventory did not say what stock is available' })
  preview(@Body() body: PreviewPlanDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null): Promise<IdempotentAnswer<PlanView>> {
    return this.handler.execute(body, actor, request);
  }
}
