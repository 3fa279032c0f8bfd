import { INestApplication } from '@nestjs/common';
import type { Request } from 'express';
import { Logger, PARAMS_PROVIDER_TOKEN, Params } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';
import { pinoHttp } from 'pino-http';
import { correlationIdMiddleware } from '../logging/correlation-id.middleware';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { ServiceMetrics } from '../metrics/service-metrics';

const QUIET = /^\/(metrics|health)(\/|\?|$)/;

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
  app.use(pinoHttp({
    logger,
    genReqId: (req) => (req as Request & { id: string }).id,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'correlationId' },
    autoLogging: { ignore: (req) => QUIET.test(req.url ?? '') },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  }));
}
