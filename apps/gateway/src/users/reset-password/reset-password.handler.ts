import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findOr404 } from '@giftflow/platform';
import { LoginRateLimit } from '../../log-in/login-rate-limit';
import { Sessions } from '../../sessions/sessions';
import { hashPassword } from '../passwords';
import { User } from '../user.entity';
import { ResetPasswordDto } from './reset-password.dto';

/** An admin sets a user's new password: their sessions end and their failed log-ins are forgotten. */
@Injectable()
export class ResetPasswordHandler {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly sessions: Sessions, private readonly rateLimit: LoginRateLimit) {}

  async execute(id: string, body: ResetPasswordDto): Promise<void> {
    const user = await findOr404(this.db.manager, User, id, 'user');
    await this.db.getRepository(User).update(id, { passwordHash: await hashPassword(body.password), updatedAt: new Date() });
    await this.sessions.endAllOf(id);
    await this.rateLimit.forgetAccount(user.email);
  }
}
