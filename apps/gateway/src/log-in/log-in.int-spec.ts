import request from 'supertest';
import { TEST_ADMIN_PASSWORD, testDatabaseName } from '@giftflow/testing';
import { GatewayTestApp, startGatewayForTest } from '../../test/gateway-test-kit';

const ADMIN = { email: 'admin@giftflow.local', password: TEST_ADMIN_PASSWORD };

/** The cookies a response sets, by name: value and attributes as sent. */
function cookiesOf(reply: request.Response): Record<string, string> {
  const set = ([] as string[]).concat(reply.headers['set-cookie'] ?? []);
  return Object.fromEntries(set.map((c) => [c.split('=')[0]!, c]));
}
const valueOf = (cookie: string) => cookie.split(';')[0]!.split('=').slice(1).join('=');

describe('POST /api/auth/login, the console session and GET /api/auth/me', () => {
  let gateway: GatewayTestApp;
  const api = () => request(gateway.url);

  beforeAll(async () => {
    gateway = await startGatewayForTest(testDatabaseName('gateway_login'));
  });
  afterAll(() => gateway?.close());

  it('signs the admin in: an access token, the user, and an httpOnly SameSite=Strict session cookie with a CSRF cookie', async () => {
    const reply = await api().post('/api/auth/login').send(ADMIN).expect(200);
    expect(reply.body).toEqual({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/), expiresIn: 3600,
      user: { id: expect.any(String), email: 'admin@giftflow.local', name: 'Administrator', role: 'admin', warehouseCodes: [] },
    });
    const header = JSON.parse(Buffer.from(reply.body.accessToken.split('.')[0], 'base64url').toString());
    expect(header).toEqual({ alg: 'EdDSA', kid: expect.any(String), typ: 'JWT' });
    const cookies = cookiesOf(reply);
    expect(cookies.giftflow_session).toMatch(/HttpOnly/);
    expect(cookies.giftflow_session).toMatch(/SameSite=Strict/);
    expect(cookies.giftflow_csrf).not.toMatch(/HttpOnly/);
    expect(cookies.giftflow_csrf).toMatch(/SameSite=Strict/);

    const me = await api().get('/api/auth/me').set('Authorization', `Bearer ${reply.body.accessToken}`).expect(200);
    expect(me.body).toEqual(reply.body.user);
  });

  it('answers 401 without a token, with a tampered one, and for a wrong password (the same for an unknown account)', async () => {
    const unauthorized = await api().get('/api/auth/me').expect(401);
    expect(unauthorized.headers['www-authenticate']).toBe('Bearer realm="giftflow"');
    const { body } = await api().post('/api/auth/login').send(ADMIN).expect(200);
    const [h, p, s] = body.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin', sub: 'someone-else' })).toString('base64url');
    await api().get('/api/auth/me').set('Authorization', `Bearer ${h}.${forged}.${s}`).expect(401);
    await api().post('/api/auth/login').send({ ...ADMIN, password: 'not the password' }).expect(401);
    const unknown = await api().post('/api/auth/login').send({ email: 'nobody@giftflow.local', password: 'whatever-1234' }).expect(401);
    expect(unknown.body.message).toBe('wrong email or password');
  });

  it('turns the session cookie into a bearer token; a write needs X-CSRF-Token; log-out ends the session', async () => {
    const login = await api().post('/api/auth/login').send(ADMIN).expect(200);
    const cookies = cookiesOf(login);
    const cookie = `giftflow_session=${valueOf(cookies.giftflow_session!)}; giftflow_csrf=${valueOf(cookies.giftflow_csrf!)}`;
    expect((await api().get('/api/auth/me').set('Cookie', cookie).expect(200)).body.email).toBe('admin@giftflow.local');

    await api().post('/api/auth/logout').set('Cookie', cookie).expect(403);
    await api().post('/api/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', 'wrong').expect(403);
    const out = await api().post('/api/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', valueOf(cookies.giftflow_csrf!)).expect(204);
    expect(cookiesOf(out).giftflow_session).toMatch(/Expires=Thu, 01 Jan 1970/);
    await api().get('/api/auth/me').set('Cookie', cookie).expect(401);
  });

  it('signs in again over a live session cookie without a CSRF token (another user on the same phone)', async () => {
    const first = await api().post('/api/auth/login').send(ADMIN).expect(200);
    const cookie = `giftflow_session=${valueOf(cookiesOf(first).giftflow_session!)}`;
    await api().post('/api/auth/login').set('Cookie', cookie).send(ADMIN).expect(200);
  });
});

describe('the log-in rate limit (5 failures per account and per address in 15 minutes → 429)', () => {
  let gateway: GatewayTestApp;

  beforeAll(async () => {
    gateway = await startGatewayForTest(testDatabaseName('gateway_login_limit'), { GATEWAY_TRUST_PROXY: 'loopback' });
  });
  afterAll(() => gateway?.close());

  const attempt = (email: string, password: string, from: string) =>
    request(gateway.url).post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });

  it('refuses an account after 5 failures, from any address and even with the right password, and says when to retry', async () => {
    for (let i = 0; i < 5; i++) await attempt(ADMIN.email, `wrong-${i}`, `10.0.0.${i + 1}`).expect(401);
    const limited = await attempt(ADMIN.email, ADMIN.password, '10.0.1.1').expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
    expect(limited.body.message).toMatch(/too many failed log-ins/);
  });

  it('refuses an address after 5 failures, whatever the account', async () => {
    for (let i = 0; i < 5; i++) await attempt(`someone-${i}@giftflow.local`, 'wrong-password', '10.0.2.1').expect(401);
    await attempt('another@giftflow.local', 'wrong-password', '10.0.2.1').expect(429);
    await attempt('another@giftflow.local', 'wrong-password', '10.0.2.2').expect(401);
  });

  it('keeps counting across a restart: the failures are in the gateway\'s database', async () => {
    await gateway.close();
    gateway = await startGatewayForTest(testDatabaseName('gateway_login_limit'), { GATEWAY_TRUST_PROXY: 'loopback' }, { fresh: false });
    await attempt('another@giftflow.local', 'wrong-password', '10.0.2.1').expect(429);
  });
});
