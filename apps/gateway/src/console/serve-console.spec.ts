import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { consoleMiddleware } from './serve-console';

describe('the gateway serves the console at /', () => {
  let dir: string;
  let app: express.Express;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'giftflow-console-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>giftflow</title>');
    writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    app = express();
    app.use(consoleMiddleware(dir)!);
    // Whatever the console lets through reaches the gateway's own routes and forwarding, here one stand-in.
    app.use((req, res) => res.status(299).json({ reachedTheGateway: `${req.method} ${req.url}` }));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers index.html at / and for any page path a browser asks for (reloading /volunteer works)', async () => {
    for (const page of ['/', '/volunteer', '/donors', '/reports/anything']) {
      const reply = await request(app).get(page).set('Accept', 'text/html').expect(200);
      expect([page, reply.text]).toEqual([page, '<!doctype html><title>giftflow</title>']);
      expect(reply.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the hashed assets, cached for a year; a missing file is not answered with index.html', async () => {
    const reply = await request(app).get('/assets/index-abc.js').expect(200);
    expect(reply.headers['content-type']).toMatch(/javascript/);
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    await request(app).get('/assets/missing.js').set('Accept', 'text/html').expect(299);
  });

  it('never shadows /api, /health, /metrics or /docs, nor a request that wants JSON, nor a write', async () => {
    for (const route of ['/api/donors/donors', '/api', '/health', '/health/live', '/metrics', '/docs', '/docs-json', '/docs/swagger-ui.css']) {
      const reply = await request(app).get(route).set('Accept', 'text/html').expect(299);
      expect(reply.body).toEqual({ reachedTheGateway: `GET ${route}` });
    }
    await request(app).get('/donors').set('Accept', 'application/json').expect(299);
    await request(app).post('/donors').set('Accept', 'text/html').expect(299);
  });

  it('is not mounted when the console was not built', () => {
    expect(consoleMiddleware(path.join(dir, 'nowhere'))).toBeUndefined();
  });
});
