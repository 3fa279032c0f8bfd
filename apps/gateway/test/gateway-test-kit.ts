import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AddressInfo } from 'node:net';
import { configureHttpEdge, serveOpenApi } from '@giftflow/platform';
import { TEST_ADMIN_PASSWORD, recreateTestDatabase } from '@giftflow/testing';
import { configureGateway } from '../src/configure-gateway';
import { serveApiDocs } from '../src/docs/serve-api-docs';
import { GatewayModule } from '../src/gateway.module';

export interface GatewayTestApp {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/**
 * The gateway's real module on a fresh `giftflow_test_gateway_*` database, set up as main.ts does (no global body
 * parser, its API documents, the forwarding and session middleware), admin@giftflow.local with TEST_ADMIN_PASSWORD unless `env` says.
 */
export async function startGatewayForTest(database: string, env: Record<string, string> = {}, options: { fresh?: boolean } = {}): Promise<GatewayTestApp> {
  if (options.fresh ?? true) await recreateTestDatabase(database);
  process.env.GATEWAY_DATABASE = database;
  process.env.LOG_LEVEL = 'error';
  const settings = { GIFTFLOW_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, ...env };
  const previous = Object.fromEntries(Object.keys(settings).map((k) => [k, process.env[k]]));
  Object.assign(process.env, settings);
  try {
    const app = await NestFactory.create(GatewayModule, { bodyParser: false, logger: false });
    configureHttpEdge(app, { bodyParser: false });
    serveApiDocs(app);
    configureGateway(app, { ...process.env, ...env });
    serveOpenApi(app, 'gateway');
    await app.listen(0, '127.0.0.1');
    return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`, close: () => app.close() };
  } finally {
    for (const [k, v] of Object.entries(previous)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}
