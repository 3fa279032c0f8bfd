import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureHttpEdge, serveOpenApi } from '@giftflow/platform';
import { TEST_ADMIN_PASSWORD, listenForTest, ownTestDatabase, useTestDatabase } from '@giftflow/testing';
import { configureGateway } from '../src/configure-gateway';
import { serveApiDocs } from '../src/docs/serve-api-docs';
import { GatewayModule } from '../src/gateway.module';

export interface GatewayTestApp {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/**
 * The gateway's real module on a fresh `giftflow_test_gateway_*` database (suffixed with GIFTFLOW_TEST_PORT_BASE), set
 * up as main.ts does (no global body parser, its API documents, the forwarding and session middleware),
 * admin@giftflow.local with TEST_ADMIN_PASSWORD unless `env` says; `env` applies while the module starts.
 */
export async function startGatewayForTest(database: string, env: Record<string, string> = {}, options: { fresh?: boolean } = {}): Promise<GatewayTestApp> {
  await useTestDatabase('gateway', ownTestDatabase(database), options.fresh);
  const settings = { GIFTFLOW_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, ...env };
  const previous = Object.fromEntries(Object.keys(settings).map((k) => [k, process.env[k]]));
  Object.assign(process.env, settings);
  try {
    const app = await NestFactory.create(GatewayModule, { bodyParser: false, logger: false });
    configureHttpEdge(app, { bodyParser: false });
    serveApiDocs(app);
    configureGateway(app, { ...process.env, ...env });
    serveOpenApi(app, 'gateway');
    return { app, url: await listenForTest(app), close: () => app.close() };
  } finally {
    for (const [k, v] of Object.entries(previous)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}
