import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor } from '@giftflow/platform';
import { PledgeView } from '../pledge.entity';
import { CancelPledgeDto } from './cancel-pledge.dto';
import { CancelPledgeHandler } from './cancel-pledge.handler';

@Controller('pledges')
export class CancelPledgeController {
  constructor(private readonly handler: CancelPledgeHandler) {}

  /** 201 with the cancelled pledge (repeating it is harmless); 409 once goods have been received. */
  @Post(':id/cancel')
  @HttpCode(201)
  cancel(@Param('id', ParseUUIDPipe) id: string, @Body() body: CancelPledgeDto, @Actor() actor: string): Promise<PledgeView> {
    return this.handler.execute(id, body.reason, actor);
  }
}
