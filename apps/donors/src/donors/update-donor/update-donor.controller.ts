import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { Actor } from '@giftflow/platform';
import { DonorView } from '../donor.view';
import { UpdateDonorDto } from './update-donor.dto';
import { UpdateDonorHandler } from './update-donor.handler';

@Controller('donors')
export class UpdateDonorController {
  constructor(private readonly handler: UpdateDonorHandler) {}

  @Patch(':id')
  @ApiOkResponse({ description: 'The donor as it now stands; publishes DonorUpdated (id and kind only) when anything changed.' })
  @ApiBadRequestResponse({ description: 'A bad field, named, or an id that is not a UUID.' })
  @ApiNotFoundResponse({ description: 'No such donor.' })
  @ApiConflictResponse({ description: 'A new phone, e-mail or tax code another donor has: `{message, possibleDuplicateOf: [ids]}`; send confirmNotDuplicate: true to save anyway.' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateDonorDto, @Actor() actor: string): Promise<DonorView> {
    return this.handler.execute(id, body, actor);
  }
}
