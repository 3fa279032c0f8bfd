import { randomUUID } from 'node:crypto';
import { testBearer, testDatabaseName } from '@giftflow/testing';
import { InventoryTestKit } from '../../test/inventory-test-kit';

/**
 * A warehouse volunteer sees and marks only the deliveries, dispatch runs, receipts and stock of their own
 * warehouses (docs/security.md): An works for WH-A; WH-B's are not theirs.
 */
describe('a volunteer, scoped to their warehouses', () => {
  let kit: InventoryTestKit;
  let an = '';
  const ids: Record<string, string> = {};
  const asAn = () => ({ get: (path: string) => kit.api().get(path).set('Authorization', an), post: (path: string) => kit.api().post(path).set('Authorization', an) });

  beforeAll(async () => {
    kit = await InventoryTestKit.start(testDatabaseName('inventory_volunteer_scope'));
    an = await testBearer({ id: 'volunteer-an', name: 'Tran Van An', role: 'warehouse_volunteer', warehouseCodes: ['WH-A'] });
    await kit.stockUp({ itemCode: 'bicycle', warehouseCode: 'WH-A', quantity: 5 });
    await kit.stockUp({ itemCode: 'bicycle', warehouseCode: 'WH-B', quantity: 5 });
    for (const name of ['a1', 'a2']) ids[name] = await kit.requestAllocation([{ itemCode: 'bicycle', quantity: 1 }], 'WH-A');
    ids.b1 = await kit.requestAllocation([{ itemCode: 'bicycle', quantity: 1 }], 'WH-B');
    await kit.waitForDeliveryStatus([ids.a1!, ids.a2!, ids.b1!], 'reserved');
    for (const id of Object.values(ids)) await kit.confirmAllocation(id);
    await kit.waitForDeliveryStatus([ids.a1!, ids.a2!, ids.b1!], 'ready');
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('lists only their warehouses\' deliveries and stock; another warehouse asked for by name is 403', async () => {
    const { body } = await asAn().get('/deliveries').expect(200);
    expect(body.items.map((d: { allocationId: string }) => d.allocationId).sort()).toEqual([ids.a1, ids.a2].sort());
    await asAn().get('/deliveries?warehouseCode=WH-B').expect(403);
    await asAn().get(`/deliveries/${ids.a1}`).expect(200);
    await asAn().get(`/deliveries/${ids.b1}`).expect(403);
    expect((await asAn().get('/stock').expect(200)).body.map((s: { warehouseCode: string }) => s.warehouseCode)).toEqual(['WH-A']);
    await asAn().get('/stock?warehouseCode=WH-B').expect(403);
    expect((await asAn().get('/lots').expect(200)).body.map((l: { warehouseCode: string }) => l.warehouseCode)).toEqual(['WH-A']);
    await asAn().get('/lots?warehouseCode=WH-B').expect(403);
    // Staff see both.
    expect((await kit.api().get('/deliveries').expect(200)).body.total).toBe(3);
  });

  it('marks only their warehouses\' deliveries, one by one, in a run or synced from the phone', async () => {
    await asAn().post(`/deliveries/${ids.b1}/dispatch`).send({ volunteer: 'Tran Van An' }).expect(403);
    await asAn().post(`/deliveries/${ids.a1}/dispatch`).send({ volunteer: 'Tran Van An' }).expect(201);
    await asAn().post('/dispatch-runs').send({ warehouseCode: 'WH-B', volunteer: 'Tran Van An', allocationIds: [ids.b1] }).expect(403);
    const { body: run } = await asAn().post('/dispatch-runs').send({ warehouseCode: 'WH-A', volunteer: 'Tran Van An', allocationIds: [ids.a2] }).expect(201);
    await asAn().get(`/dispatch-runs/${run.id}`).expect(200);
    const { body: other } = await kit.api().post('/dispatch-runs').send({ warehouseCode: 'WH-B', volunteer: 'Le Van Binh', allocationIds: [ids.b1] }).expect(201);
    await asAn().get(`/dispatch-runs/${other.id}`).expect(403);

    const happenedAt = new Date().toISOString();
    const { body: synced } = await asAn().post('/deliveries/sync').send({ operations: [
      { clientOpId: randomUUID(), allocationId: ids.a1, action: 'confirm', happenedAt, receivedBy: 'mother' },
      { clientOpId: randomUUID(), allocationId: ids.b1, action: 'confirm', happenedAt, receivedBy: 'mother' },
    ] }).expect(200);
    expect(synced.results.map((r: { outcome: string }) => r.outcome)).toEqual(['applied', 'invalid']);
    expect(synced.results[1].message).toBe(`delivery ${ids.b1} is not of your warehouses (WH-A)`);
    expect((await kit.api().get(`/deliveries/${ids.b1}`).expect(200)).body.status).toBe('dispatched');
  });

  it('receives goods only into their warehouses', async () => {
    const pledgeId = await kit.recordPledge([{ itemCode: 'bicycle', quantity: 2, unitValueVnd: null }]);
    await asAn().post('/receipts').send({ pledgeId, warehouseCode: 'WH-B', lines: [{ itemCode: 'bicycle', quantity: 1 }] }).expect(403);
    await asAn().post('/receipts').send({ pledgeId, warehouseCode: 'WH-A', lines: [{ itemCode: 'bicycle', quantity: 1 }] }).expect(201);
  });
});
