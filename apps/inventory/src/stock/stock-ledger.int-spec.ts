import { TEST_ADMIN, sleep, waitFor } from '@giftflow/testing';
import { InventoryTestKit } from '../../test/inventory-test-kit';

describe('the stock ledger: append-only, every change through it, balances and reconciliation from it', () => {
  let kit: InventoryTestKit;

  beforeAll(async () => {
    kit = await InventoryTestKit.start('giftflow_test_inventory_ledger');
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('refuses an UPDATE, a DELETE or a TRUNCATE on the ledger, in the database itself', async () => {
    await kit.stockUp({ itemCode: 'bicycle', warehouseCode: 'ST-FUND', quantity: 5 });
    const [row] = await kit.db.query('SELECT id FROM stock_movements LIMIT 1');
    await expect(kit.db.query('UPDATE stock_movements SET on_hand_delta = 500 WHERE id = $1', [row.id])).rejects.toThrow(/stock_movements is append-only: UPDATE refused/);
    await expect(kit.db.query('DELETE FROM stock_movements WHERE id = $1', [row.id])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(kit.db.query('TRUNCATE stock_movements CASCADE')).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await kit.db.query('SELECT on_hand_delta FROM stock_movements WHERE id = $1', [row.id])).toEqual([{ on_hand_delta: 5 }]);
  });

  it('200 concurrent reservations against 50 units in two lots, across two instances: exactly 50 succeed, the ledger sums match, reconcile ok', async () => {
    await kit.stockUp({ itemCode: 'backpack', warehouseCode: 'ST-FUND', quantity: 30, category: 'backpacks' });
    await kit.stockUp({ itemCode: 'backpack', warehouseCode: 'ST-FUND', quantity: 20, category: 'backpacks' });
    await kit.startAnotherInstance();
    const ids = await Promise.all(Array.from({ length: 200 }, () => kit.requestAllocation([{ itemCode: 'backpack', quantity: 1 }], 'ST-FUND')));
    const outcomes = await waitFor('200 outcomes', async () => {
      const events = (await kit.outbox<{ allocationId: string; reason?: string }>()).filter((e) => ids.includes(e.payload.allocationId));
      return events.length >= 200 && events;
    }, 120_000);
    await sleep(300);
    expect(outcomes).toHaveLength(200);
    expect(outcomes.filter((e) => e.type === 'StockReserved')).toHaveLength(50);
    const rejected = outcomes.filter((e) => e.type === 'StockReservationRejected');
    expect(rejected).toHaveLength(150);
    expect(new Set(rejected.map((e) => e.payload.reason))).toEqual(new Set(['cannot reserve 1 × backpack from ST-FUND: 0 available (50 on hand, 50 reserved)']));

    expect(await kit.stock('backpack', 'ST-FUND')).toMatchObject({ onHand: 50, reserved: 50, available: 0 });
    const [ledger] = await kit.db.query(
      "SELECT sum(on_hand_delta)::int AS on_hand, sum(reserved_delta)::int AS reserved, count(*) FILTER (WHERE kind = 'reserved')::int AS rows FROM stock_movements WHERE item_code = 'backpack'",
    );
    expect(ledger).toEqual({ on_hand: 50, reserved: 50, rows: expect.any(Number) });
    const [held] = await kit.db.query("SELECT sum(r.quantity)::int AS units FROM reservations r JOIN stock_lots l ON l.id = r.lot_id WHERE l.item_code = 'backpack'");
    expect(held.units).toBe(50);
    expect((await kit.api().get('/stock/reconcile').expect(200)).body).toMatchObject({ ok: true, mismatches: [] });
  });

  it('finds a lot whose balance differs from its ledger', async () => {
    const { lotId } = await kit.stockUp({ itemCode: 'notebook', warehouseCode: 'LP-1', quantity: 4, category: 'school_supplies' });
    await kit.db.query('UPDATE stock_lots SET on_hand = 3 WHERE id = $1', [lotId]); // a write around the ledger writer
    const { body } = await kit.api().get('/stock/reconcile').expect(200);
    expect(body.ok).toBe(false);
    expect(body.mismatches).toEqual([{ lotId, itemCode: 'notebook', warehouseCode: 'LP-1', onHand: 3, ledgerOnHand: 4, reserved: 0, ledgerReserved: 0 }]);
    await kit.db.query('UPDATE stock_lots SET on_hand = 4 WHERE id = $1', [lotId]);
  });

  it('pages the movements and answers balances as of a moment', async () => {
    const { body: first } = await kit.api().get('/stock/movements?itemCode=bicycle&page=1&pageSize=1').expect(200);
    expect(first).toEqual({
      items: [expect.objectContaining({ kind: 'received', quantity: 5, lotId: expect.any(String), reference: expect.any(String), actor: TEST_ADMIN.id, at: expect.any(String) })],
      total: 1, page: 1, pageSize: 1,
    });
    const receivedAt = new Date(first.items[0].at);
    const before = new Date(receivedAt.getTime() - 1).toISOString();
    const reservedLater = await kit.requestAllocation([{ itemCode: 'bicycle', quantity: 2 }], 'ST-FUND');
    await kit.waitForDeliveryStatus([reservedLater], 'reserved');
    const now = new Date().toISOString();

    expect((await kit.api().get(`/stock?itemCode=bicycle&asOf=${before}`).expect(200)).body).toEqual([]);
    expect((await kit.api().get(`/stock?itemCode=bicycle&asOf=${first.items[0].at}`).expect(200)).body).toEqual([
      { itemCode: 'bicycle', warehouseCode: 'ST-FUND', onHand: 5, reserved: 0, available: 5, inTransit: 0 },
    ]);
    expect((await kit.api().get(`/stock?itemCode=bicycle&asOf=${now}`).expect(200)).body).toEqual([
      { itemCode: 'bicycle', warehouseCode: 'ST-FUND', onHand: 5, reserved: 2, available: 3, inTransit: 0 },
    ]);
    const { body: all } = await kit.api().get('/stock/movements?itemCode=bicycle&warehouseCode=ST-FUND').expect(200);
    expect(all.items.map((m: { kind: string; quantity: number }) => [m.kind, m.quantity])).toEqual([['received', 5], ['reserved', 2]]);
    expect(all.items[1].reference).toBe(reservedLater);
    expect((await kit.api().get(`/stock/movements?itemCode=bicycle&from=${now}`).expect(200)).body.total).toBe(0);
    await kit.api().get('/stock/movements?pageSize=0').expect(400);
    await kit.api().get('/stock?asOf=yesterday').expect(400);
  });
});
