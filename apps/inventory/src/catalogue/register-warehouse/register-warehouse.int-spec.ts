import { InventoryTestKit } from '../../../test/inventory-test-kit';

describe('POST /warehouses, GET /warehouses', () => {
  let kit: InventoryTestKit;
  const provincial = { code: 'ST-FUND', name: "Provincial Children's Fund warehouse", districtCode: '941' };

  beforeAll(async () => {
    kit = await InventoryTestKit.start('giftflow_test_inventory_warehouses');
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('registers a warehouse (201), refuses its code twice (409), lists it, and publishes WarehouseRegistered once', async () => {
    expect((await kit.api().post('/warehouses').send(provincial).expect(201)).body).toMatchObject(provincial);
    expect((await kit.api().post('/warehouses').send(provincial).expect(409)).body.message).toBe('warehouse ST-FUND is already registered');
    await kit.api().post('/warehouses').send({ code: 'LP-1', name: 'Long Phu', districtCode: '946' }).expect(201);
    const { body } = await kit.api().get('/warehouses').expect(200);
    expect(body).toEqual([expect.objectContaining({ code: 'LP-1' }), expect.objectContaining(provincial)]);

    const events = await kit.publishedEvents();
    expect(events.map((e) => [e.type, e.payload])).toEqual(expect.arrayContaining([
      ['WarehouseRegistered', { warehouseCode: 'ST-FUND', name: provincial.name, districtCode: '941' }],
      ['WarehouseRegistered', { warehouseCode: 'LP-1', name: 'Long Phu', districtCode: '946' }],
    ]));
    expect(events).toHaveLength(2);
  });

  it('answers 400 for a bad body', async () => {
    const { body } = await kit.api().post('/warehouses').send({ code: 'W/1', name: 'x' }).expect(400);
    expect(body.message.join('\n')).toMatch(/code[\s\S]*districtCode/);
  });
});
