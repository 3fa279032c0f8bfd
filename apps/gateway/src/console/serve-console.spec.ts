import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureHttpEdge } from '@giftflow/platform';
import request from 'supertest';
import { configureGateway } from '../configure-gateway';
import { GatewayModule } from '../gateway.module';

describe('the gateway serves the console at /', () => {
  let dir: string;
  let gateway: INestApplication;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'giftflow-console-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>giftflow</title>');
    writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    gateway = await NestFactory.create(GatewayModule, { bodyParser: false, logger: false });
    configureHttpEdge(gateway, { bodyParser: false });
    configureGateway(gateway, { CONSOLE_DIR: dir, DONORS_URL: 'http://127.0.0.1:1', INVENTORY_URL: 'http://127.0.0.1:1' });
    await gateway.init();
  });

  afterAll(async () => {
    await gateway.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const server = () => gateway.getHttpServer();

  it('answers index.html at / and for any page path a browser asks for (reloading /volunteer works)', async () => {
    for (const page of ['/', '/volunteer', '/donors', '/reports/anything']) {
      const reply = await request(server()).get(page).set('Accept', 'text/html').expect(200);
      expect([page, reply.text]).toEqual([page, '<!doctype html><title>giftflow</title>']);
      expect(reply.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the hashed assets, cached for a year, and 404 for a missing file rather than index.html', async () => {
    const reply = await request(server()).get('/assets/index-abc.js').expect(200);
    expect(reply.headers['content-type']).toMatch(/javascript/);
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    await request(server()).get('/assets/missing.js').set('Accept', 'text/html').expect(404);
  });

  it('never shadows /api, /health, /metrics or /docs, nor answers a write', async () => {
    const api = await request(server()).get('/api/donors/donors').set('Accept', 'text/html').expect(502);
    expect(api.body).toEqual({ statusCode: 502, error: 'Bad Gateway', message: 'donors service is unavailable' });
    const metrics = await request(server()).get('/metrics').set('Accept', 'text/html');
    expect(metrics.text).not.toContain('<title>giftflow</title>');
    for (const route of ['/health/live', '/docs', '/docs-json', '/api/unknown']) {
      const reply = await request(server()).get(route).set('Accept', 'text/html');
      expect([route, reply.text.includes('<title>giftflow</title>')]).toEqual([route, false]);
    }
    await request(server()).post('/donors').set('Accept', 'text/html').expect(404);
  });
});
