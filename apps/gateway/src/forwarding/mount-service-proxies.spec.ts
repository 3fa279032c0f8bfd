import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { GatewayModule } from '../gateway.module';
import { mountServiceProxies } from './mount-service-proxies';

/** A stand-in donors service that answers with what it received, so forwarding can be checked exactly. */
function echoServer(): Promise<Server> {
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      res.writeHead(req.url?.startsWith('/missing') ? 404 : 201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, url: req.url, idempotencyKey: req.headers['idempotency-key'] ?? null, body }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('gateway forwarding /api/<service>/…', () => {
  let donors: Server;
  let gateway: INestApplication;

  beforeAll(async () => {
    donors = await echoServer();
    const env = { DONORS_URL: `http://127.0.0.1:${(donors.address() as AddressInfo).port}`, INVENTORY_URL: 'http://127.0.0.1:1' };
    gateway = await NestFactory.create(GatewayModule, { bodyParser: false, logger: false });
    mountServiceProxies(gateway, env);
    await gateway.init();
  });

  afterAll(async () => {
    await gateway.close();
    await new Promise((r) => donors.close(r));
  });

  it('forwards method, path, query, headers and body to the same route and returns the service status', async () => {
    const reply = await request(gateway.getHttpServer())
      .post('/api/donors/pledges?x=1')
      .set('Idempotency-Key', 'k-1')
      .send({ donorId: 'd', lines: [{ itemCode: 'bicycle', quantity: 20 }] })
      .expect(201);
    expect(reply.body).toEqual({
      method: 'POST',
      url: '/pledges?x=1',
      idempotencyKey: 'k-1',
      body: JSON.stringify({ donorId: 'd', lines: [{ itemCode: 'bicycle', quantity: 20 }] }),
    });
  });

  it('passes the service errors through unchanged', async () => {
    await request(gateway.getHttpServer()).get('/api/donors/missing/1').expect(404);
  });

  it('answers 502 naming the service when it is down', async () => {
    const reply = await request(gateway.getHttpServer()).get('/api/inventory/stock').expect(502);
    expect(reply.body.message).toBe('inventory service is unavailable');
  });
});
