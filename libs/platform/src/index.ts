// First: OpenTelemetry must patch http and pg before they are loaded (see tracing/instrument.ts).
import './tracing/instrument';

export * from './database/database-settings';
export * from './database/typeorm-options';
export * from './health/health.controller';
export * from './http/validation.pipe';
export * from './bootstrap/bootstrap-service';
export * from './service-core.module';
export * from './http/request-context.decorators';
export * from './http/validators';
export * from './http/find-or-404';
export * from './http/idempotency';
export * from './tracing/instrument';
export * from './tracing/start-tracing';
export * from './metrics/service-metrics';
export * from './metrics/http-metrics.middleware';
export * from './metrics/outbox.metrics';
export * from './metrics/consumer-lag.metrics';
export * from './logging/service-logger';
export * from './logging/correlation-id.middleware';
export * from './observability/observability.module';
export * from './observability/use-service-observability';
