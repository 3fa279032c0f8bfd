import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findOr404 } from '@giftflow/platform';
import { AllocationPlan } from '../allocation-plan.entity';
import { PlanView, planView } from '../plan.view';

@Controller('allocation-plans')
export class GetPlanController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get(':id')
  @ApiOkResponse({ description: 'The plan: roster with each allocation id and status, progress {requested, confirmed, rejected, dispatched, delivered, failed, cancelled}' })
  @ApiBadRequestResponse({ description: 'An id that is not a UUID' })
  @ApiNotFoundResponse({ description: 'Unknown plan' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<PlanView> {
    return planView(this.db.manager, await findOr404(this.db.manager, AllocationPlan, id, 'allocation plan'));
  }
}
