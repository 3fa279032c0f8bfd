import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppName, OPEN_ROUTES, PERMISSIONS, ROLES, Role, listRoutes } from '@giftflow/platform';
import {
  ServiceTestApp, createTestDataSource, startServiceForTest, testBearer, testDatabaseName, uniquePrefix,
} from '@giftflow/testing';
import { GatewayTestApp, startGatewayForTest } from '../../apps/gateway/test/gateway-test-kit';
import { FUZZED_SERVICES } from '../fuzz/fuzz-targets';

type Running = { url: string; app: INestApplication };

/**
 * docs/security.md: every route of every app (read from Nest's router, as the apps serve them) answers 401 without
 * a valid token, directly and through the gateway, 403 to each role the permissions table does not allow, and
 * lets each role it allows through (whatever the handler then answers: 400 for the empty body, 404 for the made-up
 * id…). The table lists exactly the routes the apps serve.
 */
describe('every route of every app, with every role', () => {
  const running: Partial<Record<AppName, Running>> = {};
  const services: ServiceTestApp[] = [];
  let gateway: GatewayTestApp;
  let donorsDb: DataSource;
  const bearer: Partial<Record<Role, string>> = {};
  const prefix = uniquePrefix('permissions');

  beforeAll(async () => {
    for (const { service, module } of FUZZED_SERVICES) {
      const started = await startServiceForTest(service, module, { database: testDatabaseName(`permissions_${service}`), topicPrefix: prefix });
      services.push(started);
      running[service] = started;
    }
    const urls = Object.fromEntries(FUZZED_SERVICES.map(({ service }) => [`${service.toUpperCase()}_URL`, running[service]!.url]));
    gateway = await startGatewayForTest(testDatabaseName('permissions_gateway'), urls);
    running.gateway = gateway;
    donorsDb = await createTestDataSource(testDatabaseName('permissions_donors'), [], false);
    for (const role of ROLES) {
      bearer[role] = await testBearer({ id: `permissions-${role}`, role, warehouseCodes: role === 'warehouse_volunteer' ? ['PERM-WH'] : [] });
    }
  }, 300_000);

  afterAll(async () => {
    await gateway?.close();
    for (const s of services) await s.close();
    await donorsDb?.destroy();
  });

  const apps = Object.keys(PERMISSIONS) as AppName[];
  const isOpen = (route: string) => (OPEN_ROUTES as readonly string[]).includes(route);
  /** `METHOD /path` of each route the app serves, open ones apart. */
  const guardedRoutes = (app: AppName) => listRoutes(running[app]!.app).map((r) => `${r.method} ${r.path}`).filter((r) => !isOpen(r));
  const call = (url: string, route: string, authorization?: string) => {
    const [method, path] = route.split(' ') as [string, string];
    const req = request(url)[method.toLowerCase() as 'get'](path.replace(/\{[^}]+\}/g, randomUUID()));
    if (authorization) req.set('Authorization', authorization);
    return method === 'GET' ? req : req.send({});
  };

  it('the table lists exactly the routes each app serves (besides the open ones)', () => {
    for (const app of apps) expect({ app, routes: guardedRoutes(app).sort() }).toEqual({ app, routes: Object.keys(PERMISSIONS[app]).sort() });
  });

  it('answers 401 without a token, with a made-up one and with an expired-looking one, directly and through the gateway', async () => {
    const wrong: string[] = [];
    const forged = `Bearer ${bearer.admin!.slice('Bearer '.length, -4)}AAAA`;
    for (const app of apps) {
      for (const route of guardedRoutes(app)) {
        for (const authorization of [undefined, forged, 'Bearer not-a-token', 'Basic YWRtaW46YWRtaW4=']) {
          const { status } = await call(running[app]!.url, route, authorization);
          if (status !== 401) wrong.push(`${app} ${route} with ${authorization ?? 'no token'}: ${status}`);
        }
        if (app !== 'gateway') {
          const [method, path] = route.split(' ');
          const { status } = await call(gateway.url, `${method} /api/${app}${path}`);
          if (status !== 401) wrong.push(`gateway → ${app} ${route} without a token: ${status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers the open routes without a token', async () => {
    for (const app of apps) {
      for (const route of listRoutes(running[app]!.app).map((r) => `${r.method} ${r.path}`).filter(isOpen)) {
        const { status } = await call(running[app]!.url, route);
        expect({ app, route, unauthorized: status === 401 || status === 403 }).toEqual({ app, route, unauthorized: false });
      }
    }
    await request(gateway.url).get('/docs-json').expect(200);
    await request(gateway.url).get('/api/docs').expect(200);
  });

  it('answers 403 to each role the table does not allow, and lets through each it allows', async () => {
    const wrong: string[] = [];
    for (const app of apps) {
      for (const route of guardedRoutes(app)) {
        for (const role of ROLES) {
          const allowed = PERMISSIONS[app][route]!.includes(role);
          const { status } = await call(running[app]!.url, route, bearer[role]);
          if (allowed ? status === 401 || status === 403 : status !== 403) wrong.push(`${app} ${route} as ${role}: ${status}, table says ${allowed ? 'allowed' : 'no'}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('names the signed-in user as the actor of the events, whatever X-Actor says', async () => {
    const { body } = await request(running.donors!.url).post('/donors').set('Authorization', bearer.fund_staff!).set('X-Actor', 'mallory')
      .send({ name: 'Cty TNHH An Phu', kind: 'business' }).expect(201);
    const [row] = await donorsDb.query(`SELECT envelope::jsonb AS envelope FROM outbox WHERE event_type = 'DonorRegistered' AND message_key = $1`, [body.id]);
    expect(row.envelope.actor).toBe('permissions-fund_staff');
  });
});
