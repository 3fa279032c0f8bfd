import { DynamicModule, Module, Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { EdgeExceptionFilter } from './edge-exception.filter';
import { RequestInputGuard } from './request-input.guard';
import { TransientRetryInterceptor } from './transient-retry.interceptor';
import { createValidationPipe } from './validation.pipe';

const EDGE: Provider[] = [
  { provide: APP_GUARD, useClass: RequestInputGuard },
  { provide: APP_PIPE, useFactory: createValidationPipe },
  { provide: APP_FILTER, useClass: EdgeExceptionFilter },
];
const TRANSIENT_RETRY: Provider = { provide: APP_INTERCEPTOR, useClass: TransientRetryInterceptor };

/** The edge of a service (HttpEdgeModule.forService): a module of its own, so the static one's retry is not merged in. */
@Module({ providers: EDGE })
class ServiceHttpEdgeModule {}

/**
 * The HTTP edge every app shares, registered as global providers so that every route of a module that
 * imports it (ServiceCoreModule does, for every service; the gateway imports it directly) gets it, however
 * the app is created (bootstrapService, startServiceForTest, Test.createTestingModule):
 * RequestInputGuard (NUL, lone surrogates, over-long strings, deep nesting in params, query, body and the
 * headers read), the validation pipe (DTOs, shapes), EdgeExceptionFilter (JSON errors, 500 with a
 * correlation id) and TransientRetryInterceptor (a read that loses a deadlock is read again).
 */
@Module({ providers: [...EDGE, TRANSIENT_RETRY] })
export class HttpEdgeModule {
  /**
   * A service's edge: TransientRetryInterceptor only where a read can lose a deadlock (`retryTransientReads`:
   * reporting, whose reads meet a rebuild's swap of generations). Elsewhere a read is one SELECT under READ
   * COMMITTED, which meets neither a deadlock nor a serialization failure, and a global interceptor costs every
   * route Nest's interceptor chain (~8 % of a cheap read's CPU, bench:api).
   */
  static forService(options: { retryTransientReads?: boolean } = {}): DynamicModule {
    return { module: ServiceHttpEdgeModule, providers: options.retryTransientReads ? [TRANSIENT_RETRY] : [] };
  }
}
