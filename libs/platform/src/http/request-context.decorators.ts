import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/access.guard';

/**
 * Who is acting, for the events a request publishes: the signed-in user's id, from their verified access token
 * (an `X-Actor` header is ignored). 'api' only on a route open without a token.
 */
export const Actor = createParamDecorator(
  (_: unknown, context: ExecutionContext): string => context.switchToHttp().getRequest<AuthenticatedRequest>().user?.id ?? 'api',
);
