import { testBearer } from '@giftflow/testing';
import { InventoryTestKit } from '../../test/inventory-test-kit';

describe('transfers in two steps', () => {
  let kit: InventoryTestKit;

  beforeAll(async () => {
    kit = await InventoryTestKit.start('giftflow_test_inventory_transfers');
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('sends stock out (in transit), receives it into lots that keep pledge, donor and expiry; a shortfall becomes an adjustment (lost)', async () => {
    const soon = await kit.stockUp({ itemCode: 'milk', warehouseCode: 'ST-FUND', quantity: 4, category: 'milk', expiresOn: '2027-01-10' });
    const late = await kit.stockUp({ itemCode: 'milk', warehouseCode: 'ST-FUND', quantity: 10, category: 'milk', expiresOn: '2027-05-01' });
    await kit.api().post('/warehouses').send({ code: 'LP-1', name: 'Long Phu', districtCode: 'D946' }).expect(201);

    const refused = await kit.api().post('/transfers').send({ fromWarehouseCode: 'ST-FUND', toWarehouseCode: 'LP-1', lines: [{ itemCode: 'milk', quantity: 15 }] }).expect(422);
    expect(refused.body.message).toBe('cannot transfer 15 × milk from ST-FUND: 14 available (14 on hand, 0 reserved)');

    const sent = (await kit.api().post('/transfers').send({ fromWarehouseCode: 'ST-FUND', toWarehouseCode: 'LP-1', lines: [{ itemCode: 'milk', quantity: 6 }] }).expect(201)).body;
    expect(sent).toMatchObject({ id: expect.any(String), status: 'in_transit', lines: [{ sourceLotId: soon.lotId, quantity: 4 }, { sourceLotId: late.lotId, quantity: 2 }] });
    expect(await kit.stock('milk', 'ST-FUND')).toMatchObject({ onHand: 8, inTransit: 0 });
    expect(await kit.stock('milk', 'LP-1')).toEqual({ itemCode: 'milk', warehouseCode: 'LP-1', onHand: 0, reserved: 0, available: 0, inTransit: 6 });

    // 5 of the 6 arrive: the first-sent lot fully, the second short by one.
    const received = (await kit.api().post(`/transfers/${sent.id}/receive`).set('Authorization', await testBearer({ id: 'keeper-lp' })).send({ lines: [{ itemCode: 'milk', quantity: 5 }] }).expect(201)).body;
    expect(received).toMatchObject({ status: 'received', lines: [{ quantity: 4, receivedQuantity: 4 }, { quantity: 2, receivedQuantity: 1 }] });
    expect(await kit.stock('milk', 'LP-1')).toEqual({ itemCode: 'milk', warehouseCode: 'LP-1', onHand: 5, reserved: 0, available: 5, inTransit: 0 });
    const lots = (await kit.api().get('/lots?itemCode=milk&warehouseCode=LP-1').expect(200)).body;
    expect(lots).toEqual([
      expect.objectContaining({ lotId: received.lines[0].receivedLotId, pledgeId: soon.pledgeId, onHand: 4, expiresOn: '2027-01-10' }),
      expect.objectContaining({ lotId: received.lines[1].receivedLotId, pledgeId: late.pledgeId, onHand: 1, expiresOn: '2027-05-01' }),
    ]);
    const [sourceLot] = await kit.db.query('SELECT donor_id FROM stock_lots WHERE id = $1', [soon.lotId]);
    expect(lots[0].donorId).toBe(sourceLot.donor_id);

    const events = await kit.publishedEvents();
    expect(events.find((e) => e.type === 'TransferDispatched')!.payload).toMatchObject({ transferId: sent.id, fromWarehouseCode: 'ST-FUND', toWarehouseCode: 'LP-1' });
    expect(events.find((e) => e.type === 'TransferReceived')!.payload).toMatchObject({
      transferId: sent.id, toWarehouseCode: 'LP-1',
      lines: [expect.objectContaining({ sourceLotId: soon.lotId, quantity: 4, expiresOn: '2027-01-10' }), expect.objectContaining({ sourceLotId: late.lotId, quantity: 1 })],
    });
    expect(events.filter((e) => e.type === 'StockAdjusted').map((e) => e.payload)).toEqual([
      expect.objectContaining({ warehouseCode: 'LP-1', lotId: received.lines[1].receivedLotId, quantity: -1, reason: 'lost' }),
    ]);
    const movements = (await kit.api().get('/stock/movements?itemCode=milk&warehouseCode=LP-1').expect(200)).body.items;
    expect(movements.map((m: { kind: string; quantity: number }) => [m.kind, m.quantity])).toEqual([['transfer_in', 4], ['transfer_in', 2], ['adjusted', -1]]);
    expect((await kit.api().get('/stock/reconcile').expect(200)).body.ok).toBe(true);
    await kit.api().post(`/transfers/${sent.id}/receive`).send({}).expect(409);
  });
});
