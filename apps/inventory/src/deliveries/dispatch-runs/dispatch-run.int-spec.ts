import { randomUUID } from 'node:crypto';
import { AllocationCancelledV1, AllocationRequestedV1 } from '@giftflow/contracts';
import { testBearer } from '@giftflow/testing';
import { InventoryTestKit } from '../../../test/inventory-test-kit';

/**
 * A van goes out: a delivery run dispatches the ready deliveries, one fails and is retried (attempt 2 reserves anew),
 * one gift comes back and is restocked, a service is delivered without lots, a cancelled allocation gives its stock back.
 */
describe('delivery runs, retries, returns, services and cancellations', () => {
  let kit: InventoryTestKit;
  const ids: Record<string, string> = {};
  let runId = '';
  const step = (id: string, action: string, body: object) => kit.api().post(`/deliveries/${id}/${action}`).set('Authorization', actorBearer).send(body);
  let actorBearer = ''; // signed in as volunteer-an: the events name them as actor
  beforeAll(async () => {
    actorBearer = await testBearer({ id: 'volunteer-an' });
  });

  beforeAll(async () => {
    kit = await InventoryTestKit.start('giftflow_test_inventory_dispatch_runs');
    await kit.stockUp({ itemCode: 'bicycle', warehouseCode: 'ST-FUND', quantity: 10 });
    await kit.api().post('/items').send({ code: 'heart-screening', name: 'Heart screening', category: 'health', unit: 'visit', unitValueVnd: 2_500_000, stocked: false }).expect(201);
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('1. dispatches every ready delivery of the run and says why not for the others', async () => {
    for (const name of ['a', 'b', 'c', 'd']) ids[name] = await kit.requestAllocation([{ itemCode: 'bicycle', quantity: 1 }], 'ST-FUND');
    ids.service = await kit.requestAllocation([{ itemCode: 'heart-screening', quantity: 1 }], null);
    await kit.waitForDeliveryStatus([ids.a, ids.b, ids.c, ids.d, ids.service], 'reserved');
    for (const name of ['a', 'b', 'c', 'service']) await kit.confirmAllocation(ids[name]);
    await kit.waitForDeliveryStatus([ids.a, ids.b, ids.c, ids.service], 'ready');
    expect(await kit.outbox('StockReserved')).toHaveLength(4); // the service holds no stock
    const unknown = randomUUID();

    const { body } = await kit.api().post('/dispatch-runs').send({ warehouseCode: 'ST-FUND', volunteer: 'Tran Van An', allocationIds: [ids.a, ids.b, ids.c, ids.d, unknown, ids.service] }).expect(201);
    runId = body.id;
    expect(body).toMatchObject({ warehouseCode: 'ST-FUND', volunteer: 'Tran Van An' });
    expect(body.deliveries).toEqual([
      { allocationId: ids.a, status: 'dispatched' },
      { allocationId: ids.b, status: 'dispatched' },
      { allocationId: ids.c, status: 'dispatched' },
      { allocationId: ids.d, status: 'reserved', message: `allocation ${ids.d} not confirmed yet` },
      { allocationId: unknown, status: null, message: `allocation ${unknown} not found` },
      { allocationId: ids.service, status: 'dispatched' },
    ]);
    expect((await kit.api().get(`/dispatch-runs/${runId}`).expect(200)).body).toEqual(body);
    await kit.api().get(`/dispatch-runs/${randomUUID()}`).expect(404);
    const page = (await kit.api().get('/deliveries?volunteer=Tran%20Van%20An&status=dispatched&pageSize=2&page=2').expect(200)).body;
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect((await kit.api().get('/deliveries?warehouseCode=ST-FUND&status=dispatched').expect(200)).body.total).toBe(3);
  });

  it('2. a and b are delivered, the service too (without lots), c fails', async () => {
    for (const name of ['a', 'b', 'service']) await step(ids[name], 'confirm', { receivedBy: 'family', relationship: 'father' }).expect(201);
    await step(ids.c, 'fail', { reason: 'not_home' }).expect(201);
    const confirmed = await kit.outbox('DeliveryConfirmed');
    expect(confirmed.find((e) => e.aggregateId === ids.service)!.payload).toMatchObject({
      lines: [{ lotId: null, pledgeId: null, itemCode: 'heart-screening', warehouseCode: null, quantity: 1, unitValueVnd: 2_500_000 }],
    });
    expect(await kit.stock('bicycle', 'ST-FUND')).toMatchObject({ onHand: 8, reserved: 1, available: 7 });
  });

  it('3. the failed delivery is retried: attempt 2 reserves anew and is delivered', async () => {
    const [c] = await kit.db.query('SELECT beneficiary_id FROM deliveries WHERE allocation_id = $1', [ids.c]);
    await kit.publish(AllocationRequestedV1, ids.c, {
      allocationId: ids.c, beneficiaryId: c.beneficiary_id, beneficiaryKind: 'child', districtCode: 'D941', campaignId: null, warehouseCode: 'ST-FUND',
      lines: [{ itemCode: 'bicycle', quantity: 1 }], attempt: 2,
    });
    await kit.waitForDeliveryStatus([ids.c], 'reserved');
    expect((await kit.outbox('StockReserved')).filter((e) => e.aggregateId === ids.c)).toHaveLength(2);
    expect((await kit.api().get(`/deliveries/${ids.c}`).expect(200)).body).toMatchObject({ attempt: 2, status: 'reserved', reason: null, lines: [{ itemCode: 'bicycle', quantity: 1 }] });
    await kit.confirmAllocation(ids.c);
    await kit.waitForDeliveryStatus([ids.c], 'ready');
    await step(ids.c, 'dispatch', { volunteer: 'Le Thi Mai' }).expect(201);
    await step(ids.c, 'confirm', { receivedBy: 'grandfather', relationship: 'grandparent' }).expect(201);
    expect(await kit.stock('bicycle', 'ST-FUND')).toMatchObject({ onHand: 7, reserved: 1, available: 6 });
  });

  it('4. a returns its bicycle (wrong size, restocked into a lot), b its bicycle is written off (damaged)', async () => {
    const back = (await kit.api().post('/returns').send({ allocationId: ids.a, reason: 'wrong_size', restock: true }).expect(201)).body;
    expect(back).toMatchObject({ allocationId: ids.a, restocked: true, lines: [{ itemCode: 'bicycle', quantity: 1, lotId: expect.any(String), unitValueVnd: 1_800_000 }] });
    const gone = (await kit.api().post('/returns').send({ allocationId: ids.b, reason: 'damaged', restock: false }).expect(201)).body;
    expect(gone.lines).toEqual([expect.objectContaining({ lotId: null, quantity: 1 })]);
    expect((await kit.api().post('/returns').send({ allocationId: ids.a, reason: 'other', restock: true }).expect(422)).body.message).toBe(`allocation ${ids.a} has nothing left to return`);
    await kit.api().post('/returns').send({ allocationId: ids.d, reason: 'other', restock: true }).expect(409);
    expect(await kit.stock('bicycle', 'ST-FUND')).toMatchObject({ onHand: 8, reserved: 1, available: 7 });
    const returned = await kit.outbox('GiftReturned');
    expect(returned.map((e) => e.payload)).toEqual([
      expect.objectContaining({ returnId: back.id, allocationId: ids.a, reason: 'wrong_size', restocked: true, lines: [expect.objectContaining({ lotId: back.lines[0].lotId })] }),
      expect.objectContaining({ returnId: gone.id, allocationId: ids.b, reason: 'damaged', restocked: false, lines: [expect.objectContaining({ lotId: null })] }),
    ]);
  });

  it('5. a cancelled allocation gives its stock back; the ledger and lots agree', async () => {
    await kit.publish(AllocationCancelledV1, ids.d, { allocationId: ids.d, reason: 'family declined' });
    await kit.waitForDeliveryStatus([ids.d], 'cancelled');
    expect(await kit.stock('bicycle', 'ST-FUND')).toMatchObject({ onHand: 8, reserved: 0, available: 8 });
    expect((await kit.outbox('StockReleased')).map((e) => e.aggregateId)).toEqual([ids.c, ids.d]);
    expect((await kit.api().get('/stock/reconcile').expect(200)).body).toMatchObject({ ok: true, mismatches: [] });
  });
});
