import type { AddressInfo } from 'node:net';
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
  await useTestDatabase(service, options.database, options.fresh);
  process.env.KAFKA_TOPIC_PREFIX = options.topicPrefix;
  Object.assign(process.env, options.env ?? {});
  const app = await NestFactory.create(module, { bufferLogs: true });
  useServiceObservability(app);
  configureHttpEdge(app);
  const url = await listenForTest(app);
  const authorization = await testBearer();
  return { app, url, authorization, api: () => request.agent(url).set('Authorization', authorization), close: () => app.close() };
}

/**
 * Points an app at a test database (`<APP>_DATABASE`), dropped and created first unless `fresh` is false (a second
 * instance, a restart), with JSON log lines as in production but only errors (a 4xx logs a warning).
 */
export async function useTestDatabase(appName: string, database: string, fresh = true): Promise<void> {
  if (fresh) await recreateTestDatabase(database);
  process.env[`${appName.toUpperCase()}_DATABASE`] = database;
  process.env.LOG_LEVEL = 'error';
}

/** Listens on a free port of 127.0.0.1; answers the app's base URL. */
export async function listenForTest(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}
