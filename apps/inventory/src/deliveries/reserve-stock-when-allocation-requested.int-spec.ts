import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AllocationRequestedV1 } from '@giftflow/contracts';
import { OutboxTransaction } from '@giftflow/messaging';
import { envelopeOf, sleep, waitFor } from '@giftflow/testing';
import { InventoryTestKit, PublishedEvent } from '../../test/inventory-test-kit';
import { ReserveStockWhenAllocationRequestedConsumer } from './reserve-stock-when-allocation-requested.consumer';

type Outcome = PublishedEvent<{ allocationId: string; lines?: { lotId: string; quantity: number }[]; reason?: string; shortages?: unknown[] }>;

describe('reserving stock when an allocation is requested', () => {
  let kit: InventoryTestKit;

  const outcomesFor = async (ids: string[]): Promise<Outcome[]> =>
    (await kit.outbox<Outcome['payload']>()).filter((e) => ids.includes(e.payload.allocationId) && e.type.startsWith('StockReserv'));
  const waitForOutcomes = (ids: string[], timeoutMs = 30_000) =>
    waitFor(`outcomes of ${ids.length} allocations`, async () => {
      const outcomes = await outcomesFor(ids);
      return outcomes.length >= ids.length && outcomes;
    }, timeoutMs);
  /** The lowest availability of any lot right now: must never go below 0. */
  const lowestLotAvailability = async (itemCode: string) =>
    (await kit.db.query('SELECT coalesce(min(on_hand - reserved), 0)::int AS n FROM stock_lots WHERE item_code = $1', [itemCode]))[0].n as number;

  beforeAll(async () => {
    kit = await InventoryTestKit.start('giftflow_test_inventory_reservations');
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('reserves from the first-expiring lots first, then the oldest, and records the delivery, reservations and ledger', async () => {
    const late = await kit.stockUp({ itemCode: 'milk', warehouseCode: 'ST-FUND', quantity: 5, category: 'milk', expiresOn: '2027-01-01' });
    const soon = await kit.stockUp({ itemCode: 'milk', warehouseCode: 'ST-FUND', quantity: 3, category: 'milk', expiresOn: '2026-12-01' });
    const never = await kit.stockUp({ itemCode: 'milk', warehouseCode: 'ST-FUND', quantity: 9, category: 'milk' });
    const allocationId = await kit.requestAllocation([{ itemCode: 'milk', quantity: 6 }], 'ST-FUND');
    const [outcome] = await waitForOutcomes([allocationId]);

    expect(outcome).toMatchObject({ type: 'StockReserved', aggregateId: allocationId, payload: { allocationId } });
    expect(outcome.payload.lines).toEqual([
      { lotId: soon.lotId, pledgeId: soon.pledgeId, itemCode: 'milk', warehouseCode: 'ST-FUND', quantity: 3, unitValueVnd: 1_800_000 },
      { lotId: late.lotId, pledgeId: late.pledgeId, itemCode: 'milk', warehouseCode: 'ST-FUND', quantity: 3, unitValueVnd: 1_800_000 },
    ]);
    const lots = await kit.db.query('SELECT id, on_hand, reserved FROM stock_lots WHERE id = ANY($1) ORDER BY reserved DESC, id', [[soon.lotId, late.lotId, never.lotId]]);
    expect(lots.map((l: { id: string; on_hand: number; reserved: number }) => [l.id, l.on_hand, l.reserved])).toEqual(expect.arrayContaining([
      [soon.lotId, 3, 3], [late.lotId, 5, 3], [never.lotId, 9, 0],
    ]));
    const reservations = await kit.db.query('SELECT lot_id, quantity, status FROM reservations WHERE allocation_id = $1', [allocationId]);
    expect(reservations).toEqual(expect.arrayContaining([
      { lot_id: soon.lotId, quantity: 3, status: 'held' }, { lot_id: late.lotId, quantity: 3, status: 'held' },
    ]));
    const ledger = await kit.db.query('SELECT kind, reserved_delta, on_hand_delta FROM stock_movements WHERE allocation_id = $1', [allocationId]);
    expect(ledger).toEqual([{ kind: 'reserved', reserved_delta: 3, on_hand_delta: 0 }, { kind: 'reserved', reserved_delta: 3, on_hand_delta: 0 }]);
    const { body } = await kit.api().get('/deliveries?status=reserved').expect(200);
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(body.items).toEqual([expect.objectContaining({
      allocationId, beneficiaryKind: 'child', districtCode: 'D941', status: 'reserved',
      lines: [{ itemCode: 'milk', warehouseCode: 'ST-FUND', quantity: 6 }], volunteer: null, reason: null,
    })]);
  });

  it('reserves nothing when any line cannot be covered, and says which items fall short', async () => {
    await kit.stockUp({ itemCode: 'backpack', warehouseCode: 'ST-FUND', quantity: 10, category: 'backpacks' });
    await kit.stockUp({ itemCode: 'notebook-set', warehouseCode: 'ST-FUND', quantity: 2, category: 'school_supplies' });
    await kit.stockUp({ itemCode: 'notebook-set', warehouseCode: 'LP-1', quantity: 50, category: 'school_supplies' }); // elsewhere: does not count
    const allocationId = await kit.requestAllocation([{ itemCode: 'backpack', quantity: 4 }, { itemCode: 'notebook-set', quantity: 3 }], 'ST-FUND');
    const [outcome] = await waitForOutcomes([allocationId]);

    expect(outcome).toMatchObject({
      type: 'StockReservationRejected',
      payload: {
        allocationId, reason: 'cannot reserve 3 × notebook-set from ST-FUND: 2 available (2 on hand, 0 reserved)',
        shortages: [{ itemCode: 'notebook-set', requested: 3, available: 2 }],
      },
    });
    expect(await kit.stock('backpack', 'ST-FUND')).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    expect(await kit.stock('notebook-set', 'ST-FUND')).toMatchObject({ reserved: 0, available: 2 });
    expect(await kit.db.query('SELECT 1 FROM deliveries WHERE allocation_id = $1', [allocationId])).toEqual([]);

    // With no warehouse named, stock anywhere counts.
    const anywhere = await kit.requestAllocation([{ itemCode: 'notebook-set', quantity: 3 }]);
    expect((await waitForOutcomes([anywhere]))[0].type).toBe('StockReserved');
  });

  it('reserves once when the same AllocationRequested is delivered twice, or the allocation is requested again', async () => {
    await kit.stockUp({ itemCode: 'bicycle', warehouseCode: 'ST-FUND', quantity: 10 });
    const twice = await kit.requestAllocation([{ itemCode: 'bicycle', quantity: 2 }], 'ST-FUND', 2); // one envelope sent twice
    const [sameEvent] = await waitForOutcomes([twice]);
    // The same allocation again under a new event id (as a re-publishing producer would send it).
    const [original] = await kit.db.query('SELECT beneficiary_id FROM deliveries WHERE allocation_id = $1', [twice]);
    await kit.publish(AllocationRequestedV1, twice, {
      allocationId: twice, beneficiaryId: original.beneficiary_id, beneficiaryKind: 'child', districtCode: 'D941', campaignId: null,
      warehouseCode: 'ST-FUND', lines: [{ itemCode: 'bicycle', quantity: 2 }],
    });
    const marker = await kit.requestAllocation([{ itemCode: 'bicycle', quantity: 1 }], 'ST-FUND');
    await waitForOutcomes([marker]);
    await sleep(500);

    expect(sameEvent.type).toBe('StockReserved');
    expect(await outcomesFor([twice])).toHaveLength(1);
    expect(await kit.db.query('SELECT sum(quantity)::int AS n FROM reservations WHERE allocation_id = $1', [twice])).toEqual([{ n: 2 }]);
    expect(await kit.stock('bicycle', 'ST-FUND')).toMatchObject({ onHand: 10, reserved: 3, available: 7 });
  });

  it('30 concurrent requests for 16 available, across three instances: exactly 16 reserved, 14 rejected, never below zero', async () => {
    // Three lots, so reservations cross lot boundaries while they race.
    for (const quantity of [5, 5, 6]) await kit.stockUp({ itemCode: 'scholarship-kit', warehouseCode: 'ST-FUND', quantity, category: 'scholarships' });
    await kit.startAnotherInstance();
    await kit.startAnotherInstance();
    let lowest = Number.POSITIVE_INFINITY;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        lowest = Math.min(lowest, await lowestLotAvailability('scholarship-kit'), (await kit.stock('scholarship-kit', 'ST-FUND')).available);
        await sleep(20);
      }
    })();

    const ids = await Promise.all(Array.from({ length: 30 }, () => kit.requestAllocation([{ itemCode: 'scholarship-kit', quantity: 1 }], 'ST-FUND')));
    const outcomes = await waitForOutcomes(ids, 60_000);
    watching = false;
    await watcher;

    expect(outcomes).toHaveLength(30);
    expect(outcomes.filter((o) => o.type === 'StockReserved')).toHaveLength(16);
    const rejected = outcomes.filter((o) => o.type === 'StockReservationRejected');
    expect(rejected).toHaveLength(14);
    expect(new Set(rejected.map((o) => o.payload.reason))).toEqual(new Set(['cannot reserve 1 × scholarship-kit from ST-FUND: 0 available (16 on hand, 16 reserved)']));
    expect(lowest).toBeGreaterThanOrEqual(0);
    expect(await kit.stock('scholarship-kit', 'ST-FUND')).toMatchObject({ onHand: 16, reserved: 16, available: 0 });
    const [held] = await kit.db.query(
      "SELECT count(DISTINCT allocation_id)::int AS allocations, sum(quantity)::int AS units FROM reservations r JOIN stock_lots l ON l.id = r.lot_id WHERE l.item_code = 'scholarship-kit'",
    );
    expect(held).toEqual({ allocations: 16, units: 16 });
    expect(await kit.deadLettered()).toBe(0);
  });

  it('stays exact when the handler itself runs in many transactions at once, and the database refuses over-reservation', async () => {
    const { lotId } = await kit.stockUp({ itemCode: 'bicycle-race', warehouseCode: 'ST-FUND', quantity: 7 });
    const handler = kit.service.app.get(ReserveStockWhenAllocationRequestedConsumer);
    const dataSource = kit.service.app.get<DataSource>(getDataSourceToken());
    const attempt = (n: number) => {
      const allocationId = randomUUID();
      const event = envelopeOf(AllocationRequestedV1, allocationId, {
        allocationId, beneficiaryId: randomUUID(), beneficiaryKind: 'child', districtCode: 'D941', campaignId: null, warehouseCode: null,
        lines: [{ itemCode: 'bicycle-race', quantity: 1 + (n % 2) }],
      });
      return dataSource.transaction(async (manager) => {
        const tx = new OutboxTransaction(manager, 'inventory', kit.prefix, { actor: 'test', correlationId: event.correlationId, causationId: event.id });
        await handler.handle(event, tx);
        await tx.flush();
        return tx.pending.map((p) => ({ type: p.type, quantity: event.payload.lines[0].quantity }));
      });
    };
    const results = (await Promise.all(Array.from({ length: 20 }, (_, n) => attempt(n)))).flat();
    const reservedUnits = results.filter((r) => r.type === 'StockReserved').reduce((s, r) => s + r.quantity, 0);
    expect(results).toHaveLength(20);
    expect(reservedUnits).toBeGreaterThanOrEqual(6); // only a leftover smaller than the smallest request may remain
    expect(await kit.stock('bicycle-race', 'ST-FUND')).toMatchObject({ onHand: 7, reserved: reservedUnits, available: 7 - reservedUnits });

    // The last line of defence: even a direct write cannot reserve more than is on hand.
    await expect(kit.db.query('UPDATE stock_lots SET reserved = on_hand + 1 WHERE id = $1', [lotId])).rejects.toMatchObject({ code: '23514' });
    await expect(kit.db.query('UPDATE stock_lots SET reserved = -1 WHERE id = $1', [lotId])).rejects.toMatchObject({ code: '23514' });
  });
});
