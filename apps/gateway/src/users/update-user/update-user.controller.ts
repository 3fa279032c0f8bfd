import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { UserView } from '../user.view';
import { UpdateUserDto } from './update-user.dto';
import { UpdateUserHandler } from './update-user.handler';

@Controller('api/auth/users')
export class UpdateUserController {
  constructor(private readonly handler: UpdateUserHandler) {}

  @Patch(':id')
  @ApiOkResponse({ description: 'The user as changed (name, role, warehouseCodes, disabled).' })
  @ApiBadRequestResponse({ description: 'A bad field, named.' })
  @ApiNotFoundResponse({ description: 'No such user.' })
  @ApiConflictResponse({ description: 'It would leave no enabled admin.' })
  @ApiForbiddenResponse({ description: 'Not an admin.' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto): Promise<UserView> {
    return this.handler.execute(id, body);
  }
}
