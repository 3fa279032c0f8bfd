import { INestApplication, Logger, Type } from '@nestjs/common';
import { NestApplicationOptions } from '@nestjs/common/interfaces/nest-application-options.interface';
import { NestFactory } from '@nestjs/core';
import { createValidationPipe } from '../http/validation.pipe';
import { DatabaseSettings, ensureDatabase } from '../database/database-settings';
import { serveOpenApi } from '../openapi/openapi-document';
import { useServiceObservability } from '../observability/use-service-observability';
import { startTracing } from '../tracing/start-tracing';

/**
 * Starts one service: creates its database if missing (migrations then run as TypeORM connects),
 * validates bodies, serves its OpenAPI document (GET /docs, GET /docs-json), finishes in-flight work on
 * SIGTERM/SIGINT, listens on PORT. Metrics, JSON logs and (with OTEL_EXPORTER_OTLP_ENDPOINT) traces as
 * docs/observability.md says; the module imports ObservabilityModule.
 */
export async function bootstrapService(
  name: string,
  module: Type<unknown>,
  options: {
    defaultPort: number;
    database?: DatabaseSettings;
    nest?: NestApplicationOptions;
    /** Runs before the app starts listening (the gateway mounts its proxies here). */
    configure?: (app: INestApplication) => void;
  },
): Promise<INestApplication> {
  const logger = new Logger(name);
  startTracing(name);
  if (options.database) await ensureDatabase(options.database);
  const app = await NestFactory.create(module, { bufferLogs: true, ...options.nest });
  useServiceObservability(app); // before configure: the gateway's proxies are measured and logged too
  options.configure?.(app);
  serveOpenApi(app, name);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? options.defaultPort);
  await app.listen(port, '0.0.0.0');
  logger.log(`${name} listening on http://127.0.0.1:${port}`);
  return app;
}
