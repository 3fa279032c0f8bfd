import { createServer, Agent, IncomingMessage, request as httpRequest, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { testDatabaseName } from '@giftflow/testing';
import { startGatewayForTest } from '../../test/gateway-test-kit';

/**
 * A stand-in service that answers with what it received, so forwarding can be checked exactly. It counts the
 * TCP connections it was opened, and `/slow` answers only after 2 s.
 */
async function echoServer(): Promise<{ server: Server; url: string; connections: () => number }> {
  let connections = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const reply = () => {
        res.writeHead(req.url?.startsWith('/missing') ? 404 : 201, { 'content-type': 'application/json', 'x-powered-by': 'Express' });
        res.end(JSON.stringify({ method: req.method, url: req.url, idempotencyKey: req.headers['idempotency-key'] ?? null, connection: req.headers.connection ?? null, body }));
      };
      if (req.url?.startsWith('/slow')) setTimeout(reply, 2_000).unref();
      else reply();
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
}

/** One request over `agent`, with the response's status, headers, body and the client socket used. */
function send(url: string, agent: Agent, options: { method?: string; path: string; body?: string | Buffer; chunked?: boolean }) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string; socket: Socket }>((resolve, reject) => {
    const req = httpRequest(`${url}${options.path}`, { method: options.method ?? 'GET', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body, socket: req.socket! }));
    });
    req.on('error', reject);
    if (options.body !== undefined && !options.chunked) req.setHeader('content-length', Buffer.byteLength(options.body));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('gateway forwarding /api/<service>/…', () => {
  let donors: Awaited<ReturnType<typeof echoServer>>;
  let gateway: INestApplication;
  let gatewayUrl: string;

  beforeAll(async () => {
    donors = await echoServer();
    const env = {
      DONORS_URL: donors.url, INVENTORY_URL: 'http://127.0.0.1:1', MAX_BODY_BYTES: '1000', GATEWAY_UPSTREAM_TIMEOUT_MS: '300',
      GATEWAY_UPSTREAM_MAX_SOCKETS: '4',
    };
    ({ app: gateway, url: gatewayUrl } = await startGatewayForTest(testDatabaseName('gateway_forwarding'), env));
  });

  afterAll(async () => {
    await gateway.close();
    donors.server.closeAllConnections();
    await new Promise((r) => donors.server.close(r));
  });

  it('forwards method, path, query, headers and body to the same route and returns the service status', async () => {
    const reply = await request(gatewayUrl)
      .post('/api/donors/pledges?x=1')
      .set('Idempotency-Key', 'k-1')
      .send({ donorId: 'd', lines: [{ itemCode: 'bicycle', quantity: 20 }] })
      .expect(201);
    expect(reply.body).toEqual({
      method: 'POST',
      url: '/pledges?x=1',
      idempotencyKey: 'k-1',
      connection: 'keep-alive',
      body: JSON.stringify({ donorId: 'd', lines: [{ itemCode: 'bicycle', quantity: 20 }] }),
    });
  });

  it('streams a chunked body of unknown length through', async () => {
    const agent = new Agent({ keepAlive: false });
    const reply = await send(gatewayUrl, agent, { method: 'POST', path: '/api/donors/echo', body: 'x'.repeat(900), chunked: true });
    expect(reply.status).toBe(201);
    expect(JSON.parse(reply.body).body).toHaveLength(900);
  });

  it('passes the service errors through unchanged', async () => {
    await request(gatewayUrl).get('/api/donors/missing/1').expect(404);
  });

  it('answers 502 naming the service when it is down', async () => {
    const reply = await request(gatewayUrl).get('/api/inventory/stock').expect(502);
    expect(reply.body).toEqual({ statusCode: 502, error: 'Bad Gateway', message: 'inventory service is unavailable' });
  });

  it('answers 504 with a JSON body when the service is slower than GATEWAY_UPSTREAM_TIMEOUT_MS', async () => {
    const started = Date.now();
    const reply = await request(gatewayUrl).get('/api/donors/slow').expect(504);
    expect(reply.body).toEqual({ statusCode: 504, error: 'Gateway Timeout', message: 'donors service did not answer within 300 ms' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('refuses a body over MAX_BODY_BYTES with 413, by Content-Length and while streaming a chunked one', async () => {
    const agent = new Agent({ keepAlive: false });
    const declared = await send(gatewayUrl, agent, { method: 'POST', path: '/api/donors/pledges', body: 'x'.repeat(1_001) });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'request body is larger than 1000 bytes' });
    const streamed = await send(gatewayUrl, agent, { method: 'POST', path: '/api/donors/pledges', body: 'x'.repeat(5_000), chunked: true });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).statusCode).toBe(413);
    const atLimit = await send(gatewayUrl, agent, { method: 'POST', path: '/api/donors/pledges', body: 'x'.repeat(1_000) });
    expect(atLimit.status).toBe(201);
  });

  it('keeps connections alive on both sides: one client socket, a pooled service connection, no `connection: close`', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const before = donors.connections();
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(await send(gatewayUrl, agent, { path: `/api/donors/pledges/${i}` }));
    agent.destroy();
    for (const reply of replies) {
      expect(reply.status).toBe(201);
      expect(reply.headers.connection).toBe('keep-alive');
    }
    expect(new Set(replies.map((r) => r.socket)).size).toBe(1);
    expect(donors.connections() - before).toBeLessThanOrEqual(1);
  });

  it('sets the usual security headers and no x-powered-by (not even the service\'s)', async () => {
    for (const path of ['/api/donors/pledges/1', '/api/unknown']) {
      const reply = await request(gatewayUrl).get(path);
      expect(reply.headers['x-powered-by']).toBeUndefined();
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(reply.headers['strict-transport-security']).toBeDefined();
      expect(reply.headers['content-security-policy']).toBeDefined();
    }
  });
});
