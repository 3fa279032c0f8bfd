import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
import { ServiceMetrics } from './service-metrics';

/**
 * Times every request into `http_request_duration_seconds` by its route pattern (`/pledges/:id`, never the raw
 * URL, so ids do not make a series each). A request no route matched is `unmatched`; one a mounted middleware
 * answered (the gateway's proxies) is its mount path + `/*`.
 */
export function httpMetricsMiddleware(metrics: ServiceMetrics) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const stop = metrics.httpDuration.startTimer();
    res.once('finish', () => stop({ method: req.method, route: routePatternOf(req as Partial<Request>), status_code: String(res.statusCode) }));
    next();
  };
}

export function routePatternOf(req: Partial<Pick<Request, 'baseUrl' | 'route'>>): string {
  const route = (req.route as { path?: unknown } | undefined)?.path;
  // A catch-all (Nest's not-found handler, a `*` middleware) is no route of ours.
  if (typeof route === 'string' && !route.includes('*')) return `${req.baseUrl ?? ''}${route}`;
  if (req.baseUrl) return `${req.baseUrl}/*`;
  return 'unmatched';
}
