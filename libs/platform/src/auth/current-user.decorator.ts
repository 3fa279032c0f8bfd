import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { AuthenticatedRequest } from './access.guard';
import { AuthenticatedUser } from './roles';

/** The signed-in user of the request (AccessGuard has verified their token). */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser on a route without a signed-in user (an open route?)');
  return user;
});
