import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Sessions } from '../sessions/sessions';
import { clearSessionCookies, sessionSecretOf } from '../sessions/session-cookies';

@Controller('api/auth/logout')
export class LogOutController {
  constructor(private readonly sessions: Sessions) {}

  /** Ends the console's session (its cookie no longer signs anyone in). A bearer token lives until it expires. */
  @Post()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out: the session is ended and its cookies cleared.' })
  @ApiUnauthorizedResponse({ description: 'Not signed in.' })
  async logOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const secret = sessionSecretOf(req);
    if (secret) await this.sessions.end(secret);
    clearSessionCookies(req, res);
  }
}
