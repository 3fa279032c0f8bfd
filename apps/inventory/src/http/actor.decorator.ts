import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';

/** Who is acting, for the events a request publishes: the `X-Actor` header, else 'api'. */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const header = context.switchToHttp().getRequest<Request>().header('x-actor')?.trim();
  return header ? header.slice(0, 200) : 'api';
});
