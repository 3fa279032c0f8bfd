import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, Type, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { routeKeyOf } from '../openapi/routes';
import { AccessTokens } from './access-tokens';
import { AppName, rolesAllowed } from './permissions';
import { PUBLIC_ROUTE } from './public-route.decorator';
import { AuthenticatedUser } from './roles';

export const AUTH_APP = Symbol('AUTH_APP');

/** The user a request acts for, set by AccessGuard on every route that is not open. */
export type AuthenticatedRequest = Request & { user?: AuthenticatedUser };

/** The access token of a request: `Authorization: Bearer <token>`. */
export function bearerTokenOf(req: Request): string | null {
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(req.headers.authorization?.trim() ?? '');
  return match ? match[1]! : null;
}

/**
 * Global on every app (AuthModule): a route not marked @PublicRoute needs `Authorization: Bearer <token>`
 * whose signature this app verifies itself with the configured keys (401 otherwise, with WWW-Authenticate),
 * and a role the permissions table allows on it (403 otherwise; a route missing from the table is refused).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly routeKeys = new Map<Function, string | null>(); // eslint-disable-line @typescript-eslint/ban-types

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    @Inject(AUTH_APP) private readonly app: AppName,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerTokenOf(req);
    const user = token ? await this.tokens.verify(token) : null;
    if (!user) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="giftflow"');
      throw new UnauthorizedException(token ? 'the access token is invalid or expired: sign in again' : 'sign in first: Authorization: Bearer <accessToken> (POST /api/auth/login)');
    }
    req.user = user;
    const route = this.routeKey(context.getClass(), context.getHandler());
    const allowed = route ? rolesAllowed(this.app, route) : null;
    if (!allowed?.includes(user.role)) throw new ForbiddenException(`role ${user.role} may not use ${route ?? 'this route'}`);
    return true;
  }

  private routeKey(controller: Type<unknown>, handler: Function): string | null { // eslint-disable-line @typescript-eslint/ban-types
    if (!this.routeKeys.has(handler)) this.routeKeys.set(handler, routeKeyOf(controller, handler.name));
    return this.routeKeys.get(handler)!;
  }
}
