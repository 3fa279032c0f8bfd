import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, ApiIdempotencyKey, IdempotentAnswer, IdempotentRequest, IdempotentRequestOf } from '@giftflow/platform';
import { AllocationView } from '../allocation.entity';
import { RequestAllocationDto } from './request-allocation.dto';
import { RequestAllocationHandler } from './request-allocation.handler';

@Controller('allocations')
export class RequestAllocationController {
  constructor(private readonly handler: RequestAllocationHandler) {}

  /**
   * 202 with the allocation, status "requested": inventory decides by event whether it is confirmed (services:
   * "confirmed" at once). 422 unknown beneficiary, a campaign rule broken (`rule`), allocatedOn in the future, goods
   * mixed with services; 400 naming each bad field (no lines, an item twice…).
   */
  @Post()
  @ApiIdempotencyKey()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: 'The allocation, requested (services: confirmed); AllocationRequested is published' })
  @ApiBadRequestResponse({ description: 'A field that fails validation, named' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown beneficiary; a campaign rule refused (rule: campaign_closed | outside_dates | circumstance | age | district | already_received); allocatedOn in the future; goods mixed with services' })
  request(@Body() body: RequestAllocationDto, @Actor() actor: string, @IdempotentRequestOf() request: IdempotentRequest | null): Promise<IdempotentAnswer<AllocationView>> {
    return this.handler.execute(body, actor, request);
  }
}
