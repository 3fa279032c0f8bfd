import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ServiceTestApp, createTestDataSource, startServiceForTest, uniquePrefix, waitFor } from '@giftflow/testing';
import { DonorsModule } from '../../apps/donors/src/donors.module';
import { InventoryModule } from '../../apps/inventory/src/inventory.module';

interface LogLine {
  level: string;
  msg: string;
  service: string;
  correlationId?: string;
  consumer?: string;
  eventId?: string;
  req?: { method: string; url: string };
  res?: { statusCode: number };
}

/**
 * One correlation id from the request to the consumer: donors and inventory in this process write JSON lines
 * (LOG_FILE, LOG_LEVEL=debug); a pledge recorded with X-Correlation-Id is logged with it, its PledgeRecorded
 * carries it, and inventory's consumer logs handling it with it.
 */
describe('JSON logs carry the correlation id from the request into the events and the consumers', () => {
  const logFile = join(tmpdir(), `giftflow-obs-logs-${randomUUID()}.log`);
  const prefix = uniquePrefix('obs_logs');
  const env = { LOG_FILE: logFile, LOG_LEVEL: 'debug', DONORS_URL: 'http://127.0.0.1:1' };
  let donors: ServiceTestApp;
  let inventory: ServiceTestApp;
  let donorsDb: DataSource;

  const lines = (): LogLine[] => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '').split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogLine);

  beforeAll(async () => {
    donors = await startServiceForTest('donors', DonorsModule, { database: 'giftflow_test_obs_logs_donors', topicPrefix: prefix, env });
    inventory = await startServiceForTest('inventory', InventoryModule, { database: 'giftflow_test_obs_logs_inventory', topicPrefix: prefix, env });
    donorsDb = await createTestDataSource('giftflow_test_obs_logs_donors', [], false);
  });
  afterAll(async () => {
    await inventory?.close();
    await donors?.close();
    await donorsDb?.destroy();
    rmSync(logFile, { force: true });
  });

  async function recordPledge(correlationId?: string) {
    const api = donors.api();
    const donor = await api.post('/donors').send({ name: 'Benefactors of Soc Trang city', kind: 'individual' }).expect(201);
    const post = api.post('/pledges').set('Idempotency-Key', randomUUID());
    if (correlationId) post.set('X-Correlation-Id', correlationId);
    return post.send({ donorId: donor.body.id, lines: [{ itemCode: 'bicycle', quantity: 20 }] }).expect(201);
  }

  async function eventCorrelationId(pledgeId: string): Promise<string> {
    const [row]: { envelope: { correlationId: string } }[] =
      await donorsDb.query(`SELECT envelope::jsonb AS envelope FROM outbox WHERE event_type = 'PledgeRecorded' AND message_key = $1`, [pledgeId]);
    return row.envelope.correlationId;
  }

  it('takes X-Correlation-Id from the request and logs it on the request, in the event and in the consumer', async () => {
    const correlationId = randomUUID();
    const res = await recordPledge(correlationId);
    expect(res.headers['x-correlation-id']).toBe(correlationId);
    expect(await eventCorrelationId(res.body.id)).toBe(correlationId);

    const handled = await waitFor('inventory to log handling the PledgeRecorded', async () =>
      lines().find((l) => l.consumer === 'inventory' && l.msg === 'inventory handled PledgeRecorded.v1' && l.correlationId === correlationId) ?? false);
    expect(handled.level).toBe('debug');

    const requestLine = lines().find((l) => l.req?.url === '/pledges' && l.correlationId === correlationId);
    expect(requestLine).toMatchObject({ level: 'info', service: 'donors', msg: 'request completed', req: { method: 'POST' }, res: { statusCode: 201 } });
    // Every line with this id is about this request or its event; the other request (POST /donors) has its own.
    const donorRequest = lines().find((l) => l.req?.url === '/donors' && l.res?.statusCode === 201);
    expect(donorRequest?.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(donorRequest?.correlationId).not.toBe(correlationId);
  });

  it('makes one up when the request has none (or not a UUID), answers with it and carries it the same way', async () => {
    const res = await recordPledge('not-a-uuid');
    const correlationId = res.headers['x-correlation-id'];
    expect(correlationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await eventCorrelationId(res.body.id)).toBe(correlationId);
    await waitFor('inventory to log handling it', async () => lines().some((l) => l.consumer === 'inventory' && l.correlationId === correlationId));
    expect(lines().filter((l) => l.req?.url === '/pledges' && l.correlationId === correlationId)).toHaveLength(1);
  });

  it('writes each field once per line (the request binding and the context never both add the id)', () => {
    const raw = readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
    expect(raw.length).toBeGreaterThan(4);
    for (const line of raw) expect(line.split('"correlationId"').length).toBeLessThanOrEqual(2);
  });
});
