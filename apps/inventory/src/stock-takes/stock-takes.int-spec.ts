import { testBearer } from '@giftflow/testing';
import { InventoryTestKit } from '../../test/inventory-test-kit';

describe('stock-takes while stock keeps moving', () => {
  let kit: InventoryTestKit;

  beforeAll(async () => {
    kit = await InventoryTestKit.start('giftflow_test_inventory_stock_takes');
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('10 on hand, 9 counted, 5 received and 3 reserved during the count: close → variance −1, 14 on hand, one count_correction', async () => {
    const { lotId } = await kit.stockUp({ itemCode: 'BIKE', warehouseCode: 'WH-1', quantity: 10 });
    const opened = (await kit.api().post('/stock-takes').send({ warehouseCode: 'WH-1' }).expect(201)).body;
    expect(opened).toMatchObject({ id: expect.any(String), status: 'open', warehouseCode: 'WH-1' });

    const counted = (await kit.api().post(`/stock-takes/${opened.id}/counts`).send({ lines: [{ itemCode: 'BIKE', counted: 9 }] }).expect(201)).body;
    expect(counted.counts).toEqual([expect.objectContaining({ itemCode: 'BIKE', lotId: null, counted: 9, expected: 10 })]);
    // Work goes on: a receipt of 5 and a reservation of 3 after the count.
    await kit.stockUp({ itemCode: 'BIKE', warehouseCode: 'WH-1', quantity: 5 });
    const allocationId = await kit.requestAllocation([{ itemCode: 'BIKE', quantity: 3 }], 'WH-1');
    await kit.waitForDeliveryStatus([allocationId], 'reserved');
    expect(await kit.stock('BIKE', 'WH-1')).toMatchObject({ onHand: 15, reserved: 3 });

    const closed = (await kit.api().post(`/stock-takes/${opened.id}/close`).set('Authorization', await testBearer({ id: 'storekeeper' })).expect(201)).body;
    expect(closed).toMatchObject({ status: 'closed', variances: [{ itemCode: 'BIKE', lotId: null, expected: 10, counted: 9, variance: -1 }] });
    expect(await kit.stock('BIKE', 'WH-1')).toMatchObject({ onHand: 14, reserved: 3, available: 11 });
    const adjusted = await kit.outbox('StockAdjusted');
    expect(adjusted).toEqual([expect.objectContaining({ actor: 'storekeeper', payload: expect.objectContaining({ itemCode: 'BIKE', warehouseCode: 'WH-1', lotId, quantity: -1, reason: 'count_correction' }) })]);
    expect((await kit.api().get('/stock/reconcile').expect(200)).body.ok).toBe(true);

    await kit.api().post(`/stock-takes/${opened.id}/close`).expect(409);
    await kit.api().post(`/stock-takes/${opened.id}/counts`).send({ lines: [{ itemCode: 'BIKE', counted: 1 }] }).expect(409);
  });

  it('places a count given with countedAt at its moment in the ledger, per lot, and leaves matching counts alone', async () => {
    const { lotId } = await kit.stockUp({ itemCode: 'milk', warehouseCode: 'WH-1', quantity: 6, category: 'milk', expiresOn: '2027-03-01' });
    const opened = (await kit.api().post('/stock-takes').send({ warehouseCode: 'WH-1' }).expect(201)).body;
    await new Promise((r) => setTimeout(r, 20));
    const countedAt = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    // Two of the lot's cartons are removed (damaged) after the count was made but before it is entered.
    await kit.api().post('/adjustments').send({ warehouseCode: 'WH-1', itemCode: 'milk', lotId, quantity: -2, reason: 'damaged' }).expect(201);
    const { body } = await kit.api().post(`/stock-takes/${opened.id}/counts`).send({ lines: [{ itemCode: 'milk', lotId, counted: 7, countedAt }] }).expect(201);
    expect(body.counts).toEqual([expect.objectContaining({ lotId, counted: 7, expected: 6 })]);
    const closed = (await kit.api().post(`/stock-takes/${opened.id}/close`).expect(201)).body;
    expect(closed.variances).toEqual([{ itemCode: 'milk', lotId, expected: 6, counted: 7, variance: 1 }]);
    expect(await kit.stock('milk', 'WH-1')).toMatchObject({ onHand: 5 });
    await kit.api().post(`/stock-takes/${opened.id}/counts`).send({ lines: [{ itemCode: 'milk', counted: -1 }] }).expect(400);
  });
});
