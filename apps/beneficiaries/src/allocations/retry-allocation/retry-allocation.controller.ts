import { Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import { Actor } from '@giftflow/platform';
import { AllocationView } from '../allocation.entity';
import { RetryAllocationHandler } from './retry-allocation.handler';

@Controller('allocations')
export class RetryAllocationController {
  constructor(private readonly handler: RetryAllocationHandler) {}

  @Post(':id/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: 'Requested again (attempt + 1); inventory decides by event whether it is confirmed' })
  @ApiBadRequestResponse({ description: 'An id that is not a UUID' })
  @ApiNotFoundResponse({ description: 'Unknown allocation' })
  @ApiConflictResponse({ description: 'The allocation is not failed' })
  retry(@Param('id', ParseUUIDPipe) id: string, @Actor() actor: string): Promise<AllocationView> {
    return this.handler.execute(id, actor);
  }
}
