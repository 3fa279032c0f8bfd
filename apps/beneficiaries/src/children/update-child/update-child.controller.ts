import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { Actor } from '@giftflow/platform';
import { ChildView } from '../child.entity';
import { UpdateChildDto } from './update-child.dto';
import { UpdateChildHandler } from './update-child.handler';

@Controller('children')
export class UpdateChildController {
  constructor(private readonly handler: UpdateChildHandler) {}

  @Patch(':id')
  @ApiOkResponse({ description: 'The record as corrected; BeneficiaryUpdated with the pseudonymous fields that changed, if any' })
  @ApiBadRequestResponse({ description: 'A field that fails validation, named' })
  @ApiNotFoundResponse({ description: 'Unknown child' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateChildDto, @Actor() actor: string): Promise<ChildView> {
    return this.handler.execute(id, body, actor);
  }
}
