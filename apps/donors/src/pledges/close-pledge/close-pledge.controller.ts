import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import { Actor } from '@giftflow/platform';
import { PledgeView } from '../pledge-view';
import { ClosePledgeDto } from './close-pledge.dto';
import { ClosePledgeHandler } from './close-pledge.handler';

@Controller('pledges')
export class ClosePledgeController {
  constructor(private readonly handler: ClosePledgeHandler) {}

  @Post(':id/close')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'The pledge, status "closed" with closeReason; publishes PledgeClosed. Closing again answers the same.' })
  @ApiBadRequestResponse({ description: 'A blank reason, or an id that is not a UUID.' })
  @ApiNotFoundResponse({ description: 'No such pledge.' })
  @ApiConflictResponse({ description: 'The pledge is not partially received (nothing received: cancel it; all received: nothing to forgive).' })
  close(@Param('id', ParseUUIDPipe) id: string, @Body() body: ClosePledgeDto, @Actor() actor: string): Promise<PledgeView> {
    return this.handler.execute(id, body.reason, actor);
  }
}
