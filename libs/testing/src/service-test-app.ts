import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureHttpEdge, useServiceObservability } from '@giftflow/platform';
import { recreateTestDatabase } from './test-database';

export interface ServiceTestApp {
  app: INestApplication;
  /** Base URL of the app's HTTP server on a free port, e.g. for supertest's request(url). */
  url: string;
  close(): Promise<void>;
}

/**
 * Boots one service's real Nest module for an integration test: a fresh `giftflow_test_*` database
 * (migrations run at start), the real broker with the test's topic prefix, the same HTTP edge as production
 * (guard, validation pipe and exception filter come with the module's ServiceCoreModule; configureHttpEdge
 * here), the same /metrics, correlation ids and JSON logs (LOG_LEVEL error unless `env` says), and an HTTP
 * server on a free port. Env is read when the module starts, so set per test here.
 */
export async function startServiceForTest(
  service: 'donors' | 'inventory' | 'beneficiaries' | 'reporting',
  module: Type<unknown>,
  options: { database: string; topicPrefix: string; fresh?: boolean; env?: Record<string, string> },
): Promise<ServiceTestApp> {
  if (options.fresh ?? true) await recreateTestDatabase(options.database);
  process.env[`${service.toUpperCase()}_DATABASE`] = options.database;
  process.env.KAFKA_TOPIC_PREFIX = options.topicPrefix;
  process.env.LOG_LEVEL = 'error'; // JSON log lines as in production, only errors unless the test asks (a 4xx logs a warning)
  Object.assign(process.env, options.env ?? {});
  const app = await NestFactory.create(module, { bufferLogs: true });
  useServiceObservability(app);
  configureHttpEdge(app);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}
