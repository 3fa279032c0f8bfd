import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';

/** A route that reads the header documents it in its OpenAPI operation, with no decorator of its own. */
function documentHeader(name: string, description: string): ParameterDecorator {
  return (target, method) => {
    if (method === undefined) return;
    ApiHeader({ name, description, required: false })(target, method, Object.getOwnPropertyDescriptor(target, method)!);
  };
}

const header = (context: ExecutionContext, name: string) => context.switchToHttp().getRequest<Request>().header(name)?.trim() || null;

/** Who is acting, for the events a request publishes: the `X-Actor` header, else 'api'. */
export const Actor = createParamDecorator(
  (_: unknown, context: ExecutionContext): string => header(context, 'x-actor')?.slice(0, 200) ?? 'api',
  [documentHeader('X-Actor', 'who is acting, copied into the events this request publishes (default "api")')],
);
