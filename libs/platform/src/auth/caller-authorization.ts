import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

const current = new AsyncLocalStorage<string | undefined>();

/**
 * Keeps the request's Authorization header for the rest of its handling, so a read-only call one service makes
 * to another while a user waits (inventory asking donors about a pledge…) is made with that user's token and
 * that user's rights. Mounted ahead of every route by configureHttpEdge.
 */
export function callerAuthorizationMiddleware(req: Request, _res: Response, next: NextFunction): void {
  current.run(req.headers.authorization, next);
}

/** Headers for a call to another service on behalf of the current request's user (none outside a request). */
export function onBehalfOfCaller(): Record<string, string> {
  const authorization = current.getStore();
  return authorization ? { authorization } : {};
}
