import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureHttpEdge, useServiceObservability } from '@giftflow/platform';
import request from 'supertest';
import { testBearer } from './auth/test-tokens';
import { recreateTestDatabase } from './test-database';

export interface ServiceTestApp {
  app: INestApplication;
  /** Base URL of the app's HTTP server on a free port, e.g. for supertest's request(url). */
  url: string;
  /** `Bearer <token>` of the test admin (TEST_ADMIN), signed as the gateway signs (see testBearer). */
  authorization: string;
  /** supertest on `url`, every request signed in as the test admin. */
  api(): ReturnType<typeof request.agent>;
  close(): Promise<void>;
}

/**
 * Boots one service's real Nest module for an integration test: a fresh `giftflow_test_*` database
 * (migrations run at start), the real broker with the test's topic prefix, the same HTTP edge as production
 * (guard, validation pipe and exception filter come with the module's ServiceCoreModule; configureHttpEdge
 * here), the same /metrics, correlation ids and JSON logs (LOG_LEVEL error unless `env` says), and an HTTP
 * server on a free port. Env is read when the module starts, so set per test here. Every route but the open ones
 * needs a token: `api()` signs in as the test admin, testBearer() as anyone else.
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
  const url = `http://127.0.0.1:${address.port}`;
  const authorization = await testBearer();
  return { app, url, authorization, api: () => request.agent(url).set('Authorization', authorization), close: () => app.close() };
}
