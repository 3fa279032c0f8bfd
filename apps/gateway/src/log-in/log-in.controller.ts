import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PublicRoute } from '@giftflow/platform';
import { setSessionCookies } from '../sessions/session-cookies';
import { LogInDto } from './log-in.dto';
import { LogInAnswer, LogInHandler } from './log-in.handler';

@Controller('api/auth/login')
export class LogInController {
  constructor(private readonly handler: LogInHandler) {}

  @Post()
  @PublicRoute()
  @HttpCode(200)
  @ApiOkResponse({ description: '`{accessToken, expiresIn, user: {id, email, name, role, warehouseCodes}}`, and the console\'s session cookie (httpOnly, SameSite=Strict) with its CSRF cookie `giftflow_csrf`.' })
  @ApiBadRequestResponse({ description: 'A bad field, named.' })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password, or a disabled account (the same answer for each).' })
  @ApiTooManyRequestsResponse({ description: '5 failed log-ins for this account or from this address in 15 minutes; `Retry-After` says when to try again.' })
  async logIn(@Body() body: LogInDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LogInAnswer> {
    try {
      const { answer, session } = await this.handler.execute(body, req.ip ?? req.socket.remoteAddress ?? 'unknown');
      setSessionCookies(req, res, session);
      res.setHeader('Cache-Control', 'no-store');
      return answer;
    } catch (error) {
      const retryAfter = (error as { getResponse?: () => { retryAfterSeconds?: number } }).getResponse?.().retryAfterSeconds;
      if (retryAfter) res.setHeader('Retry-After', String(retryAfter));
      throw error;
    }
  }
}
