import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable, retry, timer } from 'rxjs';

/** PostgreSQL's "try again" errors: serialization failure and deadlock (docs/api.md). */
const TRANSIENT = new Set(['40001', '40P01']);
const isTransient = (error: unknown) => TRANSIENT.has(String((error as { driverError?: { code?: unknown } })?.driverError?.code ?? (error as { code?: unknown })?.code));

/**
 * A read (GET/HEAD) that loses a deadlock or a serialization conflict, e.g. a report read while a rebuild swaps
 * generations and drops the old partitions, is run again (twice at most, after 20 and 40 ms): reads change
 * nothing, so that is always safe, and the caller gets its answer instead of a 500. Writes are not retried here.
 */
@Injectable()
export class TransientRetryInterceptor implements NestInterceptor {
  private readonly logger = new Logger('HTTP');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    if (req.method !== 'GET' && req.method !== 'HEAD') return next.handle();
    return next.handle().pipe(
      retry({
        count: 2,
        delay: (error: unknown, attempt: number) => {
          if (!isTransient(error)) throw error;
          this.logger.warn(`${req.method} ${req.originalUrl}: ${(error as Error).message}; reading again (attempt ${attempt + 1})`);
          return timer(20 * attempt);
        },
      }),
    );
  }
}
