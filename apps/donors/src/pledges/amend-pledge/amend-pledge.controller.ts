import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Actor } from '@giftflow/platform';
import { PledgeView } from '../pledge-view';
import { AmendPledgeDto } from './amend-pledge.dto';
import { AmendPledgeHandler } from './amend-pledge.handler';

@Controller('pledges')
export class AmendPledgeController {
  constructor(private readonly handler: AmendPledgeHandler) {}

  @Patch(':id')
  @ApiOkResponse({ description: 'The amended pledge; publishes PledgeAmended (every line) and PledgeStatusChanged if the status moved.' })
  @ApiBadRequestResponse({ description: 'A bad field, named, or an id that is not a UUID.' })
  @ApiNotFoundResponse({ description: 'No such pledge.' })
  @ApiConflictResponse({ description: 'The pledge is cancelled, closed or fulfilled.' })
  @ApiUnprocessableEntityResponse({ description: 'A quantity below what was already received.' })
  amend(@Param('id', ParseUUIDPipe) id: string, @Body() body: AmendPledgeDto, @Actor() actor: string): Promise<PledgeView> {
    return this.handler.execute(id, body, actor);
  }
}
