import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import { Actor } from '@giftflow/platform';
import { PledgeView } from '../pledge-view';
import { CancelPledgeDto } from './cancel-pledge.dto';
import { CancelPledgeHandler } from './cancel-pledge.handler';

@Controller('pledges')
export class CancelPledgeController {
  constructor(private readonly handler: CancelPledgeHandler) {}

  /**
   * 201 with the cancelled pledge; publishes PledgeCancelled and PledgeStatusChanged. Cancelling again answers
   * the same and publishes nothing. 404 unknown pledge; 409 once any of its goods have been received.
   */
  @Post(':id/cancel')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'The cancelled pledge; publishes PledgeCancelled and PledgeStatusChanged. Cancelling again answers the same.' })
  @ApiBadRequestResponse({ description: 'A blank reason, or an id that is not a UUID.' })
  @ApiNotFoundResponse({ description: 'No such pledge.' })
  @ApiConflictResponse({ description: 'Goods of the pledge have already been received.' })
  cancel(@Param('id', ParseUUIDPipe) id: string, @Body() body: CancelPledgeDto, @Actor() actor: string): Promise<PledgeView> {
    return this.handler.execute(id, body.reason, actor);
  }
}
