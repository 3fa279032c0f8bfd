import { INestApplication } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger, PARAMS_PROVIDER_TOKEN, Params } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';
import { correlationIdMiddleware } from '../logging/correlation-id.middleware';
import { requestLogMiddleware } from '../logging/request-log.middleware';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { ServiceMetrics } from '../metrics/service-metrics';

/** A middleware on Node's own request and response (Express' are both). */
export type HttpObserver = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * The HTTP side of observability, in the order they run: the correlation id, request durations by route, one
 * JSON log line per request (not for /metrics and /health).
 */
export function httpObservers(app: INestApplication): HttpObserver[] {
  const logger = (app.get<Params>(PARAMS_PROVIDER_TOKEN).pinoHttp as { logger: Pino }).logger;
  return [correlationIdMiddleware, httpMetricsMiddleware(app.get(ServiceMetrics)), requestLogMiddleware(logger)];
}

/**
 * Mounts httpObservers ahead of every route and of the gateway's proxies, and makes Nest's Logger write
 * through pino. Used by bootstrapService and by libs/testing's startServiceForTest.
 */
export function useServiceObservability(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  for (const observer of httpObservers(app)) app.use(observer);
}
