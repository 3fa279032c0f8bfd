import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { EdgeExceptionFilter } from './edge-exception.filter';
import { RequestInputGuard } from './request-input.guard';
import { TransientRetryInterceptor } from './transient-retry.interceptor';
import { createValidationPipe } from './validation.pipe';

/**
 * The HTTP edge every app shares, registered as global providers so that every route of a module that
 * imports it (ServiceCoreModule does, for every service; the gateway imports it directly) gets it, however
 * the app is created (bootstrapService, startServiceForTest, Test.createTestingModule):
 * RequestInputGuard (NUL, lone surrogates, over-long strings, deep nesting in params, query, body and the
 * headers read), the validation pipe (DTOs, shapes), EdgeExceptionFilter (JSON errors, 500 with a
 * correlation id) and TransientRetryInterceptor (a read that loses a deadlock is read again).
 */
@Module({
  providers: [
    { provide: APP_GUARD, useClass: RequestInputGuard },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: EdgeExceptionFilter },
    { provide: APP_INTERCEPTOR, useClass: TransientRetryInterceptor },
  ],
})
export class HttpEdgeModule {}
