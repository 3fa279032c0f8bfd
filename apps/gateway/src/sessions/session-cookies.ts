import type { CookieOptions, Request, Response } from 'express';
import { OpenedSession } from './sessions';

export const SESSION_COOKIE = 'giftflow_session';
export const CSRF_COOKIE = 'giftflow_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Secure when the console is reached over HTTPS (directly or, with GATEWAY_TRUST_PROXY, behind a proxy) or GIFTFLOW_COOKIE_SECURE=true. */
const cookieOptions = (req: Request): CookieOptions => ({
  sameSite: 'strict', path: '/', secure: req.secure || process.env.GIFTFLOW_COOKIE_SECURE === 'true',
});

/**
 * The session cookie (httpOnly: no script reads it) and the CSRF cookie the console's script reads and sends
 * back as X-CSRF-Token on every write (double submit: another site can make the browser send the cookies, but
 * cannot read them to set the header). Both SameSite=Strict.
 */
export function setSessionCookies(req: Request, res: Response, session: OpenedSession): void {
  const maxAge = session.maxAgeSeconds * 1000;
  res.cookie(SESSION_COOKIE, session.secret, { ...cookieOptions(req), httpOnly: true, maxAge });
  res.cookie(CSRF_COOKIE, session.csrfToken, { ...cookieOptions(req), httpOnly: false, maxAge });
}

export function clearSessionCookies(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { ...cookieOptions(req), httpOnly: true });
  res.clearCookie(CSRF_COOKIE, cookieOptions(req));
}

/** The session secret a request's cookies carry, if any (cookie-parser has read them). */
export const sessionSecretOf = (req: Request): string | null => {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : null;
};
