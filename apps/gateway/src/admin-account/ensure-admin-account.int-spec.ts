import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { testDatabaseName } from '@giftflow/testing';
import { startGatewayForTest } from '../../test/gateway-test-kit';

describe('the first admin at start-up', () => {
  const database = testDatabaseName('gateway_first_admin');
  const configDir = mkdtempSync(path.join(tmpdir(), 'giftflow-config-'));
  afterAll(() => rmSync(configDir, { recursive: true, force: true }));

  it('without GIFTFLOW_ADMIN_PASSWORD and no user: a random password, written once to admin-password (0600), that signs in', async () => {
    const gateway = await startGatewayForTest(database, { GIFTFLOW_ADMIN_PASSWORD: '', GIFTFLOW_CONFIG_DIR: configDir });
    try {
      const file = path.join(configDir, 'admin-password');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const password = readFileSync(file, 'utf8').trim();
      expect(password.length).toBeGreaterThanOrEqual(20);
      await request(gateway.url).post('/api/auth/login').send({ email: 'admin@giftflow.local', password }).expect(200);
    } finally {
      await gateway.close();
    }
    // A restart with users present leaves the password as it is.
    const again = await startGatewayForTest(database, { GIFTFLOW_ADMIN_PASSWORD: '', GIFTFLOW_CONFIG_DIR: configDir }, { fresh: false });
    try {
      const password = readFileSync(path.join(configDir, 'admin-password'), 'utf8').trim();
      await request(again.url).post('/api/auth/login').send({ email: 'admin@giftflow.local', password }).expect(200);
    } finally {
      await again.close();
    }
  });

  it('with GIFTFLOW_ADMIN_PASSWORD: the admin\'s password is reset to it', async () => {
    const gateway = await startGatewayForTest(database, { GIFTFLOW_ADMIN_PASSWORD: 'chosen-admin-password', GIFTFLOW_CONFIG_DIR: configDir }, { fresh: false });
    try {
      await request(gateway.url).post('/api/auth/login').send({ email: 'admin@giftflow.local', password: 'chosen-admin-password' }).expect(200);
      const old = readFileSync(path.join(configDir, 'admin-password'), 'utf8').trim();
      await request(gateway.url).post('/api/auth/login').send({ email: 'admin@giftflow.local', password: old }).expect(401);
    } finally {
      await gateway.close();
    }
  });
});
