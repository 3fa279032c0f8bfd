import { HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessTokens, AuthenticatedUser } from '@giftflow/platform';
import { OpenedSession, Sessions } from '../sessions/sessions';
import { passwordMatches } from '../users/passwords';
import { User } from '../users/user.entity';
import { signedInUserOf } from '../users/user.view';
import { LogInDto } from './log-in.dto';
import { LoginRateLimit } from './login-rate-limit';

export interface LogInAnswer {
  accessToken: string;
  expiresIn: number;
  user: AuthenticatedUser;
}

/**
 * Checks the password (argon2id; an unknown or disabled account fails the same way, after the same work) under
 * the rate limit, then issues an access token and opens a console session.
 */
@Injectable()
export class LogInHandler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rateLimit: LoginRateLimit,
    private readonly tokens: AccessTokens,
    private readonly sessions: Sessions,
  ) {}

  async execute(body: LogInDto, address: string): Promise<{ answer: LogInAnswer; session: OpenedSession }> {
    const email = body.email.trim().toLowerCase();
    const retryAfter = await this.rateLimit.retryAfterSeconds(email, address);
    if (retryAfter > 0) {
      throw new HttpException({
        statusCode: HttpStatus.TOO_MANY_REQUESTS, error: 'Too Many Requests', retryAfterSeconds: retryAfter,
        message: `too many failed log-ins for this account or from this address: try again in ${Math.ceil(retryAfter / 60)} minute(s)`,
      }, HttpStatus.TOO_MANY_REQUESTS);
    }
    const user = await this.db.getRepository(User).findOneBy({ email });
    const matches = await passwordMatches(user?.passwordHash ?? null, body.password);
    if (!user || !matches || user.disabledAt) {
      await this.rateLimit.recordFailure(email, address);
      throw new UnauthorizedException('wrong email or password');
    }
    await this.rateLimit.forgetAccount(email);
    const signedIn = signedInUserOf(user);
    const { accessToken, expiresIn } = await this.tokens.sign(signedIn);
    return { answer: { accessToken, expiresIn, user: signedIn }, session: await this.sessions.open(user.id) };
  }
}
