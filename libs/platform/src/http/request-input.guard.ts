import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { badRequest } from './validation.pipe';
import { INPUT_LIMITS, findUnsafeInput, unsafeString } from './unsafe-input';

/** The request headers the services read as data; each must be a short, storable string. */
export const CHECKED_HEADERS = ['idempotency-key', 'x-correlation-id'] as const;
const HEADER_NAMES: Record<(typeof CHECKED_HEADERS)[number], string> = {
  'idempotency-key': 'Idempotency-Key', 'x-correlation-id': 'X-Correlation-Id',
};

/**
 * Global (every route of every app, also routes added later): before any pipe or handler, every string of the
 * path parameters, query, JSON body and the headers above is checked for what PostgreSQL cannot store (NUL,
 * lone surrogates), over-long strings and too-deep nesting. 400 with the validation pipe's body, naming each.
 */
@Injectable()
export class RequestInputGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const problems = [
      ...findUnsafeInput(req.params ?? {}, INPUT_LIMITS.param),
      ...findUnsafeInput(req.query ?? {}, INPUT_LIMITS.query),
      ...findUnsafeInput(req.body, INPUT_LIMITS.body),
      ...CHECKED_HEADERS.flatMap((name) => {
        const value = req.headers[name];
        if (value === undefined) return [];
        const problem = unsafeString(String(value), `${HEADER_NAMES[name]} header`, INPUT_LIMITS.header);
        return problem ? [problem] : [];
      }),
    ];
    if (problems.length > 0) throw badRequest(problems);
    return true;
  }
}
