import request from 'supertest';
import { TEST_ADMIN_PASSWORD, testDatabaseName } from '@giftflow/testing';
import { GatewayTestApp, startGatewayForTest } from '../../test/gateway-test-kit';

describe('users: GET/POST /api/auth/users, PATCH /api/auth/users/:id, POST /api/auth/users/:id/password (admin)', () => {
  let gateway: GatewayTestApp;
  let admin: string;
  const api = () => request(gateway.url);
  const logIn = (email: string, password: string) => api().post('/api/auth/login').send({ email, password });

  beforeAll(async () => {
    gateway = await startGatewayForTest(testDatabaseName('gateway_users'));
    admin = `Bearer ${(await logIn('admin@giftflow.local', TEST_ADMIN_PASSWORD).expect(200)).body.accessToken}`;
  });
  afterAll(() => gateway?.close());

  it('creates a volunteer for two warehouses (201), who signs in and sees themselves', async () => {
    const created = await api().post('/api/auth/users').set('Authorization', admin)
      .send({ email: 'An.Tran@Giftflow.Local', name: 'Tran Van An', role: 'warehouse_volunteer', warehouseCodes: ['ST-FUND', 'NN-01'], password: 'an-password-2026' })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String), email: 'an.tran@giftflow.local', name: 'Tran Van An', role: 'warehouse_volunteer', warehouseCodes: ['ST-FUND', 'NN-01'],
      disabled: false, createdAt: expect.any(String), updatedAt: expect.any(String),
    });
    const login = await logIn('an.tran@giftflow.local', 'an-password-2026').expect(200);
    expect(login.body.user).toEqual({ id: created.body.id, email: 'an.tran@giftflow.local', name: 'Tran Van An', role: 'warehouse_volunteer', warehouseCodes: ['ST-FUND', 'NN-01'] });
    const me = await api().get('/api/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toEqual(login.body.user);

    await api().post('/api/auth/users').set('Authorization', admin)
      .send({ email: 'an.tran@giftflow.local', name: 'Again', role: 'viewer', password: 'another-password' }).expect(409);
  });

  it('refuses bad users: a volunteer without warehouses, warehouses for staff, an unknown role, a short password', async () => {
    const post = (body: object) => api().post('/api/auth/users').set('Authorization', admin).send({ email: 'x@giftflow.local', name: 'X', password: 'long-enough-1', ...body });
    expect((await post({ role: 'warehouse_volunteer' }).expect(400)).body.message).toEqual(['warehouseCodes must name at least one warehouse for a warehouse_volunteer']);
    expect((await post({ role: 'fund_staff', warehouseCodes: ['ST-FUND'] }).expect(400)).body.message).toEqual(['warehouseCodes apply to a warehouse_volunteer only']);
    expect((await post({ role: 'superuser' }).expect(400)).body.message).toEqual(['role must be one of: admin, fund_staff, warehouse_volunteer, viewer']);
    expect((await post({ role: 'viewer', password: 'short' }).expect(400)).body.message).toEqual(['password must be 10 to 1024 characters long']);
  });

  it('is for admins only: 401 without a token, 403 for staff', async () => {
    await api().get('/api/auth/users').expect(401);
    await api().post('/api/auth/users').set('Authorization', admin)
      .send({ email: 'lan@giftflow.local', name: 'Nguyen Thi Lan', role: 'fund_staff', password: 'lan-password-2026' }).expect(201);
    const staff = `Bearer ${(await logIn('lan@giftflow.local', 'lan-password-2026').expect(200)).body.accessToken}`;
    await api().get('/api/auth/users').set('Authorization', staff).expect(403);
    await api().post('/api/auth/users').set('Authorization', staff).send({ email: 'y@giftflow.local', name: 'Y', role: 'admin', password: 'long-enough-1' }).expect(403);
    const list = await api().get('/api/auth/users').set('Authorization', admin).expect(200);
    expect(list.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(list.body.items.map((u: { email: string }) => u.email)).toEqual(['admin@giftflow.local', 'an.tran@giftflow.local', 'lan@giftflow.local']);
  });

  it('changes a role and warehouses, disables (log-in fails, the session ends) and enables again', async () => {
    const { body: user } = await api().post('/api/auth/users').set('Authorization', admin)
      .send({ email: 'binh@giftflow.local', name: 'Le Van Binh', role: 'viewer', password: 'binh-password-2026' }).expect(201);
    const changed = await api().patch(`/api/auth/users/${user.id}`).set('Authorization', admin).send({ role: 'warehouse_volunteer', warehouseCodes: ['LP-1'] }).expect(200);
    expect(changed.body).toMatchObject({ role: 'warehouse_volunteer', warehouseCodes: ['LP-1'], disabled: false });
    const login = await logIn('binh@giftflow.local', 'binh-password-2026').expect(200);
    const session = String(login.headers['set-cookie']).match(/giftflow_session=([^;]+)/)![1];

    expect((await api().patch(`/api/auth/users/${user.id}`).set('Authorization', admin).send({ disabled: true }).expect(200)).body.disabled).toBe(true);
    await logIn('binh@giftflow.local', 'binh-password-2026').expect(401);
    await api().get('/api/auth/me').set('Cookie', `giftflow_session=${session}`).expect(401);
    await api().patch(`/api/auth/users/${user.id}`).set('Authorization', admin).send({ disabled: false }).expect(200);
    await logIn('binh@giftflow.local', 'binh-password-2026').expect(200);
  });

  it('resets a password: the old one stops working, the new one signs in', async () => {
    const { body: user } = await api().post('/api/auth/users').set('Authorization', admin)
      .send({ email: 'mai@giftflow.local', name: 'Ly Thi Mai', role: 'viewer', password: 'mai-password-2026' }).expect(201);
    await api().post(`/api/auth/users/${user.id}/password`).set('Authorization', admin).send({ password: 'mai-new-password' }).expect(204);
    await logIn('mai@giftflow.local', 'mai-password-2026').expect(401);
    await logIn('mai@giftflow.local', 'mai-new-password').expect(200);
  });

  it('never leaves the fund without an enabled admin', async () => {
    const me = (await api().get('/api/auth/me').set('Authorization', admin).expect(200)).body;
    expect((await api().patch(`/api/auth/users/${me.id}`).set('Authorization', admin).send({ disabled: true }).expect(409)).body.message)
      .toBe('this is the last enabled admin: make another admin first');
    await api().patch(`/api/auth/users/${me.id}`).set('Authorization', admin).send({ role: 'viewer' }).expect(409);
  });
});
