import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { AccessTokens } from '@giftflow/platform';
import { signedInUserOf } from '../users/user.view';
import { CSRF_HEADER, sessionSecretOf } from './session-cookies';
import { Sessions } from './sessions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOG_IN_PATH = '/api/auth/login';

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The console signs in once and then sends only its session cookie. Ahead of the gateway's routes and its
 * forwarding, a request with a live session cookie and no Authorization header gets one: a bearer token for
 * the session's user as they are now (role, warehouses), which the gateway's routes and the services verify
 * like any other. A write (anything but GET/HEAD/OPTIONS) must also carry the session's CSRF token in
 * X-CSRF-Token, else 403. A request that brings its own bearer token is left alone (no cookie is looked at),
 * and the cookies never reach the services.
 */
@Injectable()
export class SessionToBearerMiddleware implements NestMiddleware {
  /** Tokens minted for sessions, re-used until a minute before they expire or the user changes. */
  private readonly minted = new Map<string, { token: string; renewAt: number }>();

  constructor(private readonly sessions: Sessions, private readonly tokens: AccessTokens) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const secret = sessionSecretOf(req);
    // Signing in again (another user on the same phone) needs no CSRF token: it reads no session.
    if (req.headers.authorization || !secret || req.path === LOG_IN_PATH) return next();
    delete req.headers.cookie; // from here on the request is bearer-authenticated (or not at all), like any API client's
    const session = await this.sessions.find(secret);
    if (!session) return next(); // an ended or expired session: the route answers 401 as to anyone without a token
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.header(CSRF_HEADER);
      if (!sent || !sameSecret(sent, session.csrfToken)) {
        res.status(403).json({ statusCode: 403, error: 'Forbidden', message: 'a write with the session cookie needs the X-CSRF-Token header (the giftflow_csrf cookie\'s value)' });
        return;
      }
    }
    const key = `${secret}:${session.user.updatedAt.getTime()}`;
    let minted = this.minted.get(key);
    if (!minted || minted.renewAt <= Date.now()) {
      const { accessToken, expiresIn } = await this.tokens.sign(signedInUserOf(session.user));
      minted = { token: accessToken, renewAt: Date.now() + (expiresIn - 60) * 1000 };
      if (this.minted.size >= 10_000) this.minted.clear();
      this.minted.set(key, minted);
    }
    req.headers.authorization = `Bearer ${minted.token}`;
    next();
  }
}
