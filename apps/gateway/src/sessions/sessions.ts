import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { User } from '../users/user.entity';

/** How long a console session lasts: GIFTFLOW_SESSION_TTL_SECONDS, default 12 hours (a campaign day). */
export function sessionTtlSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.GIFTFLOW_SESSION_TTL_SECONDS ?? 12 * 3600);
  if (!Number.isInteger(value) || value < 60) throw new Error(`GIFTFLOW_SESSION_TTL_SECONDS must be a whole number of seconds ≥ 60, not ${env.GIFTFLOW_SESSION_TTL_SECONDS}`);
  return value;
}

export interface OpenedSession {
  /** Goes in the httpOnly cookie; only its hash is stored. */
  secret: string;
  /** Goes in the readable CSRF cookie; a cookie-authenticated write must echo it in X-CSRF-Token. */
  csrfToken: string;
  maxAgeSeconds: number;
}

export interface ActiveSession {
  user: User;
  csrfToken: string;
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest();

/** The console's sessions: opened at log-in, ended at log-out, when the user is disabled or their password reset. */
@Injectable()
export class Sessions {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async open(userId: string): Promise<OpenedSession> {
    const secret = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const maxAgeSeconds = sessionTtlSeconds();
    await this.db.query(
      `INSERT INTO sessions (secret_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, now(), now() + make_interval(secs => $4))`,
      [hashOf(secret), userId, csrfToken, maxAgeSeconds],
    );
    return { secret, csrfToken, maxAgeSeconds };
  }

  /** The session and its user, or null when it is unknown, expired, ended or its user disabled. */
  async find(secret: string): Promise<ActiveSession | null> {
    const rows: { csrf_token: string; id: string }[] = await this.db.query(
      `SELECT s.csrf_token, u.id FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.secret_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [hashOf(secret)],
    );
    if (rows.length === 0) return null;
    const user = await this.db.getRepository(User).findOneByOrFail({ id: rows[0]!.id });
    return { user, csrfToken: rows[0]!.csrf_token };
  }

  async end(secret: string): Promise<void> {
    await this.db.query('UPDATE sessions SET revoked_at = now() WHERE secret_hash = $1 AND revoked_at IS NULL', [hashOf(secret)]);
  }

  async endAllOf(userId: string): Promise<void> {
    await this.db.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  }
}
