import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { Actor } from '@giftflow/platform';
import { AllocationView } from '../allocation.entity';
import { CancelAllocationDto } from './cancel-allocation.dto';
import { CancelAllocationHandler } from './cancel-allocation.handler';

@Controller('allocations')
export class CancelAllocationController {
  constructor(private readonly handler: CancelAllocationHandler) {}

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'The allocation, cancelled; AllocationCancelled is published and inventory releases its stock' })
  @ApiBadRequestResponse({ description: 'No reason, or an id that is not a UUID' })
  @ApiNotFoundResponse({ description: 'Unknown allocation' })
  @ApiConflictResponse({ description: 'Already dispatched, delivered, rejected or cancelled' })
  cancel(@Param('id', ParseUUIDPipe) id: string, @Body() body: CancelAllocationDto, @Actor() actor: string): Promise<AllocationView> {
    return this.handler.execute(id, body.reason, actor);
  }
}
