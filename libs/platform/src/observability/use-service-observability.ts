import { INestApplication } from '@nestjs/common';
import { Logger, PARAMS_PROVIDER_TOKEN, Params } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';
import { correlationIdMiddleware } from '../logging/correlation-id.middleware';
import { requestLogMiddleware } from '../logging/request-log.middleware';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { ServiceMetrics } from '../metrics/service-metrics';

/**
 * The HTTP side of observability, mounted ahead of every route and of the gateway's proxies: the correlation
 * id, request durations by route, one JSON log line per request (not for /metrics and /health), and Nest's
 * Logger writing through pino. Used by bootstrapService and by libs/testing's startServiceForTest.
 */
export function useServiceObservability(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  const logger = (app.get<Params>(PARAMS_PROVIDER_TOKEN).pinoHttp as { logger: Pino }).logger;
  app.use(correlationIdMiddleware);
  app.use(httpMetricsMiddleware(app.get(ServiceMetrics)));
  app.use(requestLogMiddleware(logger));
}
