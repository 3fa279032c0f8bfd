import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import { ResetPasswordDto } from './reset-password.dto';
import { ResetPasswordHandler } from './reset-password.handler';

@Controller('api/auth/users')
export class ResetPasswordController {
  constructor(private readonly handler: ResetPasswordHandler) {}

  @Post(':id/password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The password is reset; the user\'s console sessions are ended.' })
  @ApiBadRequestResponse({ description: 'A bad field, named (at least 10 characters).' })
  @ApiNotFoundResponse({ description: 'No such user.' })
  @ApiForbiddenResponse({ description: 'Not an admin.' })
  reset(@Param('id', ParseUUIDPipe) id: string, @Body() body: ResetPasswordDto): Promise<void> {
    return this.handler.execute(id, body);
  }
}
