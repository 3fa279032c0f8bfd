import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** At most this many failed log-ins per account, and per client address, within the window; then 429. */
export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_FAILURE_WINDOW_MINUTES = 15;

/**
 * Failed log-ins, kept in the gateway's database (so the limit holds across restarts and replicas), counted
 * per account (lower-cased email, whether or not it exists) and per client address.
 */
@Injectable()
export class LoginRateLimit {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Seconds until another attempt may be made, or 0 when one may be made now. */
  async retryAfterSeconds(email: string, address: string): Promise<number> {
    const [row]: { oldest: Date | null }[] = await this.db.query(
      `SELECT max(oldest) AS oldest FROM (
         SELECT min(failed_at) AS oldest FROM (SELECT failed_at FROM login_failures WHERE email = $1 AND failed_at > now() - make_interval(mins => $3) ORDER BY failed_at DESC LIMIT $4) a
          HAVING count(*) >= $4
         UNION ALL
         SELECT min(failed_at) FROM (SELECT failed_at FROM login_failures WHERE address = $2 AND failed_at > now() - make_interval(mins => $3) ORDER BY failed_at DESC LIMIT $4) b
          HAVING count(*) >= $4
       ) limited`,
      [email, address, LOGIN_FAILURE_WINDOW_MINUTES, MAX_LOGIN_FAILURES],
    );
    if (!row?.oldest) return 0;
    const freeAt = new Date(row.oldest).getTime() + LOGIN_FAILURE_WINDOW_MINUTES * 60_000;
    return Math.max(1, Math.ceil((freeAt - Date.now()) / 1000));
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await this.db.query('INSERT INTO login_failures (email, address) VALUES ($1, $2)', [email, address]);
    // Rows older than the window count for nothing: drop some of them as we go, so the table stays small.
    await this.db.query(`DELETE FROM login_failures WHERE id IN (SELECT id FROM login_failures WHERE failed_at < now() - make_interval(mins => $1) LIMIT 100)`, [LOGIN_FAILURE_WINDOW_MINUTES]);
  }

  /** After a successful log-in, or a password reset, the account's failures no longer count. */
  async forgetAccount(email: string): Promise<void> {
    await this.db.query('DELETE FROM login_failures WHERE email = $1', [email]);
  }
}
