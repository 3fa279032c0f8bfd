import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@giftflow/platform';

@Controller('api/auth/me')
export class MeController {
  @Get()
  @ApiOkResponse({ description: 'The signed-in user: `{id, email, name, role, warehouseCodes}`.' })
  @ApiUnauthorizedResponse({ description: 'Not signed in, or the token expired.' })
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
  }
}
