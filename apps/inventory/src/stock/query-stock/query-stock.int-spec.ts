import { InventoryTestKit } from '../../../test/inventory-test-kit';

describe('GET /stock', () => {
  let kit: InventoryTestKit;

  beforeAll(async () => {
    kit = await InventoryTestKit.start('giftflow_test_inventory_stock');
    await kit.stockUp({ itemCode: 'bicycle', warehouseCode: 'ST-FUND', quantity: 12 });
    await kit.stockUp({ itemCode: 'bicycle', warehouseCode: 'ST-FUND', quantity: 8 }); // a second lot, same place
    await kit.stockUp({ itemCode: 'bicycle', warehouseCode: 'LP-1', quantity: 3 });
    await kit.stockUp({ itemCode: 'backpack', warehouseCode: 'LP-1', quantity: 40, category: 'backpacks' });
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('sums lots per item and warehouse, with both filters optional', async () => {
    const all = (await kit.api().get('/stock').expect(200)).body;
    expect(all).toEqual([
      { itemCode: 'backpack', warehouseCode: 'LP-1', onHand: 40, reserved: 0, available: 40, inTransit: 0 },
      { itemCode: 'bicycle', warehouseCode: 'LP-1', onHand: 3, reserved: 0, available: 3, inTransit: 0 },
      { itemCode: 'bicycle', warehouseCode: 'ST-FUND', onHand: 20, reserved: 0, available: 20, inTransit: 0 },
    ]);
    expect((await kit.api().get('/stock?itemCode=bicycle').expect(200)).body).toEqual(all.slice(1));
    expect((await kit.api().get('/stock?warehouseCode=LP-1').expect(200)).body).toEqual(all.slice(0, 2));
    expect((await kit.api().get('/stock?itemCode=bicycle&warehouseCode=ST-FUND').expect(200)).body).toEqual([all[2]]);
    expect((await kit.api().get('/stock?itemCode=scooter').expect(200)).body).toEqual([]);
  });

  it('shows reserved stock as not available', async () => {
    await kit.requestAllocation([{ itemCode: 'bicycle', quantity: 15 }], 'ST-FUND');
    await kit.waitForOutbox(['StockReserved'], 1);
    expect(await kit.stock('bicycle', 'ST-FUND')).toEqual({ itemCode: 'bicycle', warehouseCode: 'ST-FUND', onHand: 20, reserved: 15, available: 5, inTransit: 0 });
    expect(await kit.stock('bicycle', 'LP-1')).toMatchObject({ reserved: 0, available: 3 });
  });

  it('answers 400 for a malformed filter', async () => {
    await kit.api().get('/stock?itemCode=no%20spaces').expect(400);
    await kit.api().get('/stock?colour=red').expect(400);
  });
});
