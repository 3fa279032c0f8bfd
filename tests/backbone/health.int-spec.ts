import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '@giftflow/messaging';
import { ServiceTestApp, startServiceForTest, uniquePrefix, waitFor } from '@giftflow/testing';
import { DonorsModule } from '../../apps/donors/src/donors.module';

/**
 * /health is readiness (503 while a consumer or the relay is down, 200 "degraded" with parked outbox rows),
 * /health/live is liveness (200 while the process runs) — a real service, broker and database (issue #7).
 */
describe('GET /health and /health/live', () => {
  let service: ServiceTestApp;
  const api = () => request(service.url);

  beforeAll(async () => {
    service = await startServiceForTest('donors', DonorsModule, { database: 'giftflow_test_backbone_health', topicPrefix: uniquePrefix('health') });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('answers ok with every consumer and the relay ready, then degraded with a parked row, then 503 with the relay down', async () => {
    const ok = await waitFor('ready', async () => {
      const res = await api().get('/health');
      return res.status === 200 ? res : null;
    });
    expect(ok.body).toMatchObject({
      status: 'ok', database: 'up', kafka: 'up', outbox: { parked: 0, pending: 0, oldestUnpublishedSeconds: 0 },
      components: expect.arrayContaining([{ name: 'relay', ready: true, state: 'running' }, { name: 'consumer:donors', ready: true, state: 'running' }]),
    });

    const id = randomUUID();
    await service.app.get(DataSource).query(
      `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope, failed_at, last_error)
       VALUES ($1, 'nowhere', 'k', 'DonorRegistered', '{}', now(), 'MESSAGE_TOO_LARGE')`, [id]);
    const degraded = await api().get('/health').expect(200);
    expect(degraded.body).toMatchObject({ status: 'degraded', outbox: { parked: 1 } });

    await service.app.get(OutboxRelay).stop();
    const down = await api().get('/health').expect(503);
    expect(down.body).toMatchObject({ status: 'unavailable', components: expect.arrayContaining([{ name: 'relay', ready: false, state: 'stopped' }]) });
    expect((await api().get('/health/live').expect(200)).body).toEqual({ status: 'live' });
  });
});
