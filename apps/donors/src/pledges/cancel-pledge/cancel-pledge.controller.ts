import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
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
  cancel(@Param('id', ParseUUIDPipe) id: string, @Body() body: CancelPledgeDto, @Actor() actor: string): Promise<PledgeView> {
    return this.handler.execute(id, body.reason, actor);
  }
}
