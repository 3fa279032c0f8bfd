import { randomUUID } from 'node:crypto';
import { testBearer } from '@giftflow/testing';
import { InventoryTestKit, PublishedEvent } from '../../test/inventory-test-kit';

/**
 * The warehouse's part of the journey, with the numbers the end-to-end test checks: 20 bicycles received,
 * 5 allocations reserve 5, a volunteer dispatches 5, confirms 4 and fails 1 → on hand 16, reserved 0.
 */
describe('deliveries: reserved → ready → dispatched → delivered | failed', () => {
  let kit: InventoryTestKit;
  const allocations: string[] = [];
  const step = (id: string, action: 'dispatch' | 'confirm' | 'fail', body: object) => kit.api().post(`/deliveries/${id}/${action}`).set('Authorization', actorBearer).send(body);
  let actorBearer = ''; // signed in as volunteer-an: the events name them as actor
  beforeAll(async () => {
    actorBearer = await testBearer({ id: 'volunteer-an' });
  });
  const eventsFor = (events: PublishedEvent[], type: string) => events.filter((e) => e.type === type && allocations.includes(e.aggregateId));

  beforeAll(async () => {
    kit = await InventoryTestKit.start('giftflow_test_inventory_deliveries');
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('1. receives 20 bicycles; 5 allocations reserve 5: reserved 5, available 15, five deliveries reserved', async () => {
    await kit.stockUp({ itemCode: 'bicycle', warehouseCode: 'ST-FUND', quantity: 20 });
    for (let n = 0; n < 5; n += 1) allocations.push(await kit.requestAllocation([{ itemCode: 'bicycle', quantity: 1 }], 'ST-FUND'));
    await kit.waitForDeliveryStatus(allocations, 'reserved');
    expect(await kit.stock('bicycle', 'ST-FUND')).toMatchObject({ onHand: 20, reserved: 5, available: 15 });
    const { body } = await kit.api().get('/deliveries?status=reserved').expect(200);
    expect(body.total).toBe(5);
    expect(body.items.map((d: { allocationId: string }) => d.allocationId).sort()).toEqual([...allocations].sort());
    expect(body.items[0].lines).toEqual([{ itemCode: 'bicycle', warehouseCode: 'ST-FUND', quantity: 1 }]);
  });

  it('2. nothing is dispatched before the allocation is confirmed', async () => {
    expect((await step(allocations[0], 'dispatch', { volunteer: 'Tran Van An' }).expect(409)).body.message).toBe(`allocation ${allocations[0]} not confirmed yet`);
    await step(allocations[0], 'confirm', { receivedBy: 'Nguyen Thi Hoa' }).expect(409);
    await step(allocations[0], 'fail', { reason: 'too early' }).expect(409);
  });

  it('3. confirmed allocations become ready; a volunteer dispatches all five', async () => {
    for (const id of allocations) await kit.confirmAllocation(id);
    await kit.waitForDeliveryStatus(allocations, 'ready');
    expect((await kit.api().get('/deliveries?status=ready').expect(200)).body.items).toHaveLength(5);
    for (const id of allocations) {
      const { body } = await step(id, 'dispatch', { volunteer: 'Tran Van An' }).expect(201);
      expect(body).toMatchObject({ allocationId: id, status: 'dispatched', volunteer: 'Tran Van An', beneficiaryKind: 'child', districtCode: 'D941' });
    }
    expect((await step(allocations[0], 'dispatch', { volunteer: 'Tran Van An' }).expect(409)).body.message).toContain('dispatched');
    expect(await kit.stock('bicycle', 'ST-FUND')).toMatchObject({ onHand: 20, reserved: 5, available: 15 });
  });

  it('4. four are delivered and one fails ("family moved", kept as the note of reason other): on hand 16, reserved 0, available 16', async () => {
    const [failed, ...delivered] = [allocations[4], ...allocations.slice(0, 4)];
    for (const id of delivered) {
      const { body } = await step(id, 'confirm', { receivedBy: 'Nguyen Thi Hoa', relationship: 'mother', note: 'signed at the commune office' }).expect(201);
      expect(body).toMatchObject({ status: 'delivered', receivedBy: 'Nguyen Thi Hoa', relationship: 'mother', lines: [{ itemCode: 'bicycle', warehouseCode: 'ST-FUND', quantity: 1 }] });
    }
    await step(delivered[0], 'confirm', { receivedBy: 'Nguyen Thi Hoa' }).expect(409);
    const { body } = await step(failed, 'fail', { reason: 'family moved' }).expect(201);
    expect(body).toMatchObject({ allocationId: failed, status: 'failed', reason: 'other', note: 'family moved' });
    await step(failed, 'confirm', { receivedBy: 'Nguyen Thi Hoa' }).expect(409);

    expect(await kit.stock('bicycle', 'ST-FUND')).toEqual({ itemCode: 'bicycle', warehouseCode: 'ST-FUND', onHand: 16, reserved: 0, available: 16, inTransit: 0 });
    expect((await kit.api().get('/deliveries?status=delivered').expect(200)).body.items).toHaveLength(4);
    expect((await kit.api().get('/deliveries?status=failed').expect(200)).body.items).toEqual([expect.objectContaining({ allocationId: failed, reason: 'other', note: 'family moved' })]);
    const ledger = await kit.db.query(
      'SELECT kind, sum(on_hand_delta)::int AS on_hand, sum(reserved_delta)::int AS reserved FROM stock_movements WHERE allocation_id = ANY($1) GROUP BY kind ORDER BY kind',
      [allocations],
    );
    expect(ledger).toEqual([
      { kind: 'delivered', on_hand: -4, reserved: -4 },
      { kind: 'released', on_hand: 0, reserved: -1 },
      { kind: 'reserved', on_hand: 0, reserved: 5 },
    ]);
  });

  it('5. publishes ShipmentDispatched ×5, DeliveryConfirmed v2 ×4 (relationship code, never who signed), StockReleased + DeliveryFailed v2 ×1 (codes only)', async () => {
    const events = await kit.publishedEvents();
    expect(eventsFor(events, 'StockReserved')).toHaveLength(5);
    expect(eventsFor(events, 'ShipmentDispatched')).toHaveLength(5);
    const confirmed = eventsFor(events, 'DeliveryConfirmed');
    expect(confirmed).toHaveLength(4);
    const lot = (await kit.db.query("SELECT id, pledge_id FROM stock_lots WHERE item_code = 'bicycle'"))[0];
    expect(confirmed.find((e) => e.aggregateId === allocations[0])).toMatchObject({
      actor: 'volunteer-an', version: 2,
      payload: {
        allocationId: allocations[0], beneficiaryKind: 'child', districtCode: 'D941', relationship: 'mother', happenedAt: expect.any(String),
        lines: [{ lotId: lot.id, pledgeId: lot.pledge_id, itemCode: 'bicycle', warehouseCode: 'ST-FUND', quantity: 1, unitValueVnd: 1_800_000 }],
      },
    });
    for (const e of events) expect(JSON.stringify(e)).not.toMatch(/Nguyen Thi Hoa|commune office|family moved/);
    expect(eventsFor(events, 'StockReleased')).toEqual([expect.objectContaining({
      payload: { allocationId: allocations[4], reason: 'other', lines: [expect.objectContaining({ lotId: lot.id, quantity: 1 })] },
    })]);
    expect(eventsFor(events, 'DeliveryFailed')).toEqual([expect.objectContaining({ version: 2, payload: { allocationId: allocations[4], reason: 'other', happenedAt: expect.any(String) } })]);
  });

  it('6. a ready delivery can fail before it leaves; the gift is back on the shelf', async () => {
    const id = await kit.requestAllocation([{ itemCode: 'bicycle', quantity: 2 }], 'ST-FUND');
    await kit.waitForDeliveryStatus([id], 'reserved');
    await kit.confirmAllocation(id);
    await kit.waitForDeliveryStatus([id], 'ready');
    expect(await kit.stock('bicycle', 'ST-FUND')).toMatchObject({ reserved: 2, available: 14 });
    await step(id, 'fail', { reason: 'road flooded' }).expect(201);
    expect(await kit.stock('bicycle', 'ST-FUND')).toMatchObject({ onHand: 16, reserved: 0, available: 16 });
  });

  it('7. 404 for an unknown allocation, 400 for bad bodies and filters', async () => {
    const unknown = randomUUID();
    expect((await step(unknown, 'dispatch', { volunteer: 'An' }).expect(404)).body.message).toBe(`allocation ${unknown} not found`);
    await step(unknown, 'confirm', { receivedBy: 'Hoa' }).expect(404);
    await step(unknown, 'fail', { reason: 'lost' }).expect(404);
    await kit.api().get(`/deliveries/${unknown}`).expect(404);
    expect((await kit.api().get(`/deliveries/${allocations[0]}`).expect(200)).body).toMatchObject({ status: 'delivered' });

    expect((await step(allocations[0], 'dispatch', {}).expect(400)).body.message.join()).toContain('volunteer');
    expect((await step(allocations[0], 'confirm', { receivedBy: '', relationship: 'x'.repeat(65) }).expect(400)).body.message.join()).toMatch(/receivedBy[\s\S]*relationship/);
    expect((await step(allocations[0], 'fail', { reason: 'lost', extra: 1 }).expect(400)).body.message.join()).toContain('extra');
    await kit.api().get('/deliveries?status=lost').expect(400);
  });
});
