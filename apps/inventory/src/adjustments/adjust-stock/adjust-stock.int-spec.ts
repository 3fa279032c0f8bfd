import { testBearer } from '@giftflow/testing';
import { InventoryTestKit } from '../../../test/inventory-test-kit';

describe('POST /adjustments', () => {
  let kit: InventoryTestKit;

  beforeAll(async () => {
    kit = await InventoryTestKit.start('giftflow_test_inventory_adjustments');
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('refuses to remove more than is available, naming the item, the warehouse and the figures, and changes nothing', async () => {
    await kit.stockUp({ itemCode: 'BIKE', warehouseCode: 'WH-1', quantity: 10 });
    await kit.requestAllocation([{ itemCode: 'BIKE', quantity: 7 }], 'WH-1');
    await kit.waitForOutbox(['StockReserved'], 1);
    const { body } = await kit.api().post('/adjustments').send({ warehouseCode: 'WH-1', itemCode: 'BIKE', quantity: -5, reason: 'damaged' }).expect(422);
    expect(body.message).toBe('cannot remove 5 × BIKE from WH-1: 3 available (10 on hand, 7 reserved)');
    expect(await kit.stock('BIKE', 'WH-1')).toMatchObject({ onHand: 10, reserved: 7, available: 3 });
    expect(await kit.outbox('StockAdjusted')).toEqual([]);
  });

  it('removes what is available and adds what was found, each through the ledger, with StockAdjusted per lot', async () => {
    const removed = (await kit.api().post('/adjustments').set('Authorization', await testBearer({ id: 'storekeeper' }))
      .send({ warehouseCode: 'WH-1', itemCode: 'BIKE', quantity: -3, reason: 'damaged', note: 'rain came in' }).expect(201)).body;
    expect(removed).toMatchObject({ warehouseCode: 'WH-1', itemCode: 'BIKE', quantity: -3, reason: 'damaged', note: 'rain came in', lines: [{ quantity: -3 }] });
    const { lotId } = removed.lines[0];
    const found = (await kit.api().post('/adjustments').send({ warehouseCode: 'WH-1', itemCode: 'BIKE', lotId, quantity: 1, reason: 'found' }).expect(201)).body;
    expect(found.lines).toEqual([{ lotId, quantity: 1 }]);
    expect(await kit.stock('BIKE', 'WH-1')).toMatchObject({ onHand: 8, reserved: 7, available: 1 });
    const ledger = await kit.db.query("SELECT on_hand_delta, reason, reference FROM stock_movements WHERE kind = 'adjusted' ORDER BY seq");
    expect(ledger).toEqual([
      { on_hand_delta: -3, reason: 'damaged', reference: removed.id },
      { on_hand_delta: 1, reason: 'found', reference: found.id },
    ]);
    const events = (await kit.publishedEvents()).filter((e) => e.type === 'StockAdjusted');
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.payload)).toEqual(expect.arrayContaining([
      expect.objectContaining({ adjustmentId: removed.id, lotId, itemCode: 'BIKE', warehouseCode: 'WH-1', quantity: -3, reason: 'damaged', unitValueVnd: 1_800_000 }),
      expect.objectContaining({ adjustmentId: found.id, lotId, quantity: 1, reason: 'found' }),
    ]));
    expect(JSON.stringify(events)).not.toContain('rain came in');
  });

  it('answers a retried POST with the same Idempotency-Key once (the shared answerOnce): one adjustment, one StockAdjusted, the first body', async () => {
    const key = 'adjust-retry-1';
    const send = (quantity: number) => kit.api().post('/adjustments').set('Idempotency-Key', key).send({ warehouseCode: 'WH-1', itemCode: 'BIKE', quantity, reason: 'found' });
    const before = (await kit.stock('BIKE', 'WH-1')).onHand;
    const first = await send(2).expect(201);
    const retry = await send(2).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((await kit.stock('BIKE', 'WH-1')).onHand).toBe(before + 2);
    expect((await kit.outbox('StockAdjusted')).filter((e) => JSON.stringify(e).includes(first.body.id))).toHaveLength(1);
    expect((await send(3).expect(422)).body.message).toBe(`Idempotency-Key ${key} was already used for a different request (POST /adjustments); send a new key for a new request`);
    expect((await kit.stock('BIKE', 'WH-1')).onHand).toBe(before + 2);
  });

  it('answers 400 for quantity 0 or an unknown reason, 422 for an unknown warehouse', async () => {
    const { body } = await kit.api().post('/adjustments').send({ warehouseCode: 'WH-1', itemCode: 'BIKE', quantity: 0, reason: 'stolen' }).expect(400);
    expect(body.message.join()).toMatch(/quantity[\s\S]*reason/);
    expect((await kit.api().post('/adjustments').send({ warehouseCode: 'WH-9', itemCode: 'BIKE', quantity: -1, reason: 'lost' }).expect(422)).body.message).toBe('warehouse WH-9 not found');
  });
});
