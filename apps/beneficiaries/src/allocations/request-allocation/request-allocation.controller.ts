import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, IdempotencyKey } from '@giftflow/platform';
import { AllocationView } from '../allocation.entity';
import { RequestAllocationDto } from './request-allocation.dto';
import { RequestAllocationHandler } from './request-allocation.handler';

@Controller('allocations')
export class RequestAllocationController {
  constructor(private readonly handler: RequestAllocationHandler) {}

  /**
   * 202 with the allocation, status "requested": inventory decides by event whether it is confirmed.
   * 422 unknown beneficiary; 400 naming each bad field (no lines, an item twice…).
   */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: 'the allocation, status "requested"; inventory decides by event whether it is confirmed; publishes AllocationRequested' })
  @ApiBadRequestResponse({ description: 'a field fails validation (no lines, an item twice…)' })
  @ApiUnprocessableEntityResponse({ description: 'unknown beneficiary' })
  request(@Body() body: RequestAllocationDto, @Actor() actor: string, @IdempotencyKey() idempotencyKey: string | null): Promise<AllocationView> {
    return this.handler.execute(body, actor, idempotencyKey);
  }
}
