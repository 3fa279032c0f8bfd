import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse } from '@nestjs/swagger';
import { UserView } from '../user.view';
import { CreateUserDto } from './create-user.dto';
import { CreateUserHandler } from './create-user.handler';

@Controller('api/auth/users')
export class CreateUserController {
  constructor(private readonly handler: CreateUserHandler) {}

  @Post()
  @ApiCreatedResponse({ description: 'The user: `{id, email, name, role, warehouseCodes, disabled, createdAt, updatedAt}`.' })
  @ApiBadRequestResponse({ description: 'A bad field, named; warehouseCodes missing for a volunteer or given for another role.' })
  @ApiConflictResponse({ description: 'A user with this email exists.' })
  @ApiForbiddenResponse({ description: 'Not an admin.' })
  create(@Body() body: CreateUserDto): Promise<UserView> {
    return this.handler.execute(body);
  }
}
