import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, map } from 'rxjs';
import { IdempotentAnswer } from './idempotent-answer';

export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * Turns a route's `IdempotentAnswer` into the HTTP answer: its body, and `Idempotent-Replayed: true` on a
 * replay. Installed for every service by ServiceCoreModule; any other return value passes through untouched.
 * (The status is the route's own: a key answers only the route it was first sent to, see answerOnce.)
 */
@Injectable()
export class IdempotentAnswerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        if (!(value instanceof IdempotentAnswer)) return value;
        const res = context.switchToHttp().getResponse<Response>();
        // A first answer keeps the route's status (@HttpCode); without a key answerOnce cannot know it (it says 201).
        if (value.replayed) {
          res.status(value.status);
          res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
        }
        return value.body;
      }),
    );
  }
}
