import { DynamicModule, Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { MESSAGING_METRICS } from '@giftflow/messaging';
import { createServiceLogger } from '../logging/service-logger';
import { MetricsController } from '../metrics/metrics.controller';
import { ServiceMetrics } from '../metrics/service-metrics';
import { stopTracing } from '../tracing/start-tracing';

@Injectable()
class TracingShutdown implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await stopTracing(); // flushes the spans still batched
  }
}

/**
 * Metrics, logs and the end of tracing for one app (docs/observability.md): GET /metrics from the app's own
 * registry, which is also the backbone's MessagingMetrics; the pino logger behind Nest's Logger. The HTTP side
 * (correlation id, request logs, durations) is mounted by useServiceObservability.
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forService(service: string): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [
        // nestjs-pino for Nest's Logger writing through the app's pino logger only: the request lines are
        // useServiceObservability's (ahead of the gateway's proxies too), and no route gets nestjs-pino's per-request
        // logger binding (forRoutes: none) — a line written during a request takes its correlation id from the context.
        LoggerModule.forRootAsync({ useFactory: () => ({ pinoHttp: { logger: createServiceLogger(service) }, useExisting: true, forRoutes: [] }) }),
      ],
      providers: [
        { provide: ServiceMetrics, useFactory: () => new ServiceMetrics(service) },
        { provide: MESSAGING_METRICS, useExisting: ServiceMetrics },
        TracingShutdown,
      ],
      controllers: [MetricsController],
      exports: [ServiceMetrics, MESSAGING_METRICS],
    };
  }
}
