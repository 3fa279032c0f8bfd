import { testBearer } from '@giftflow/testing';
import { InventoryTestKit } from '../../../test/inventory-test-kit';

describe('POST /items, GET /items', () => {
  let kit: InventoryTestKit;
  const bicycle = { code: 'bicycle', name: 'Bicycle', category: 'bicycles', unit: 'piece', unitValueVnd: 1_800_000 };

  beforeAll(async () => {
    kit = await InventoryTestKit.start('giftflow_test_inventory_items');
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('registers an item (201), refuses its code twice (409) and publishes ItemRegistered once', async () => {
    const { body } = await kit.api().post('/items').set('Authorization', await testBearer({ id: 'storekeeper' })).send(bicycle).expect(201);
    expect(body).toMatchObject({ ...bicycle, stocked: true, perishable: false });
    const again = await kit.api().post('/items').send({ ...bicycle, name: 'Another bicycle' }).expect(409);
    expect(again.body.message).toBe('item bicycle is already registered');

    const events = await kit.publishedEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'ItemRegistered', aggregateId: 'bicycle', actor: 'storekeeper',
      payload: { itemCode: 'bicycle', name: 'Bicycle', category: 'bicycles', unit: 'piece', unitValueVnd: 1_800_000, stocked: true, perishable: false },
    });
  });

  it('lists the catalogue and finds one item; 404 for an unknown code', async () => {
    await kit.api().post('/items').send({ code: 'backpack', name: 'School backpack', category: 'backpacks', unit: 'piece', unitValueVnd: 250_000 }).expect(201);
    const { body } = await kit.api().get('/items').expect(200);
    expect(body.map((i: { code: string }) => i.code)).toEqual(['backpack', 'bicycle']);
    expect((await kit.api().get('/items/bicycle').expect(200)).body).toMatchObject(bicycle);
    expect((await kit.api().get('/items/scooter').expect(404)).body.message).toBe('item scooter not found');
  });

  it('registers a service (stocked: false) and a perishable, and says so in ItemRegistered', async () => {
    const haircut = { code: 'haircut', name: 'Free haircut', category: 'services', unit: 'visit', unitValueVnd: 50_000, stocked: false };
    expect((await kit.api().post('/items').send(haircut).expect(201)).body).toMatchObject({ ...haircut, perishable: false });
    await kit.api().post('/items').send({ code: 'milk', name: 'Milk', category: 'milk', unit: 'carton', unitValueVnd: 380_000, perishable: true }).expect(201);
    const events = await kit.publishedEvents();
    expect(events.find((e) => e.aggregateId === 'haircut')!.payload).toMatchObject({ stocked: false, perishable: false });
    expect(events.find((e) => e.aggregateId === 'milk')!.payload).toMatchObject({ stocked: true, perishable: true });
    await kit.api().post('/items').send({ ...haircut, code: 'x2', stocked: 'no' }).expect(400);
  });

  it('answers 400 naming each bad field, and writes nothing', async () => {
    const { body } = await kit.api().post('/items')
      .send({ code: 'has space', name: '', category: 'School Supplies', unit: 'set', unitValueVnd: -1, colour: 'red' })
      .expect(400);
    const messages: string = body.message.join('\n');
    for (const field of ['code', 'name', 'category', 'unitValueVnd', 'colour']) expect(messages).toContain(field);
    await kit.api().post('/items').send({ ...bicycle, code: 'x', unitValueVnd: 1.5 }).expect(400);
    expect((await kit.api().get('/items').expect(200)).body).toHaveLength(4);
  });
});
