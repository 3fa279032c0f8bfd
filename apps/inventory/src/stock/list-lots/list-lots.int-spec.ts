import { InventoryTestKit, PublishedEvent } from '../../../test/inventory-test-kit';

type Outcome = PublishedEvent<{ allocationId: string; reason?: string; lines?: { lotId: string; quantity: number }[] }>;

describe('GET /lots, and lots past their expiry', () => {
  let kit: InventoryTestKit;
  const lots: Record<string, string> = {};
  const outcomeOf = async (allocationId: string) => {
    const events = await kit.waitForOutbox(['StockReserved', 'StockReservationRejected'], 1);
    const mine = (await kit.outbox<Outcome['payload']>()).filter((e) => e.payload.allocationId === allocationId && e.type.startsWith('StockReserv'));
    return mine.length > 0 ? mine[0] : (events as Outcome[]).find((e) => e.payload.allocationId === allocationId);
  };

  beforeAll(async () => {
    kit = await InventoryTestKit.start('giftflow_test_inventory_lots');
    // Received in January with an expiry in February: past its expiry today.
    lots.expired = (await kit.stockUp({ itemCode: 'milk', warehouseCode: 'ST-FUND', quantity: 4, category: 'milk', receivedOn: '2026-01-10', expiresOn: '2026-02-01' })).lotId;
    lots.late = (await kit.stockUp({ itemCode: 'milk', warehouseCode: 'ST-FUND', quantity: 5, category: 'milk', expiresOn: '2027-06-01' })).lotId;
    lots.soon = (await kit.stockUp({ itemCode: 'milk', warehouseCode: 'ST-FUND', quantity: 3, category: 'milk', expiresOn: '2027-01-15' })).lotId;
    lots.elsewhere = (await kit.stockUp({ itemCode: 'milk', warehouseCode: 'LP-1', quantity: 2, category: 'milk', expiresOn: '2026-12-20' })).lotId;
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('lists lots first-expiring first, with pledge, donor and figures, filtered by item, warehouse and expiry', async () => {
    const { body } = await kit.api().get('/lots?itemCode=milk&warehouseCode=ST-FUND').expect(200);
    expect(body.map((l: { lotId: string }) => l.lotId)).toEqual([lots.expired, lots.soon, lots.late]);
    expect(body[0]).toEqual({
      lotId: lots.expired, itemCode: 'milk', warehouseCode: 'ST-FUND', pledgeId: expect.any(String), donorId: expect.any(String), onHand: 4, reserved: 0, expiresOn: '2026-02-01',
    });
    const expiring = (await kit.api().get('/lots?expiringBefore=2027-01-01').expect(200)).body;
    expect(expiring.map((l: { lotId: string }) => l.lotId)).toEqual([lots.expired, lots.elsewhere]);
    await kit.api().get('/lots?expiringBefore=soon').expect(400);
  });

  it('never reserves a lot past its expiry on the allocation date; takes the first-expiring of the others', async () => {
    const today = await kit.requestAllocation([{ itemCode: 'milk', quantity: 4 }], 'ST-FUND');
    const reserved = await outcomeOf(today);
    expect(reserved!.type).toBe('StockReserved');
    expect(reserved!.payload.lines!.map((l) => [l.lotId, l.quantity])).toEqual([[lots.soon, 3], [lots.late, 1]]);

    // 4 left in date (late) and 4 expired: asking for 5 today is refused, and the refusal names the expired units.
    const tooMany = await kit.requestAllocation([{ itemCode: 'milk', quantity: 5 }], 'ST-FUND');
    await kit.waitForOutbox(['StockReservationRejected'], 1);
    const refused = (await kit.outbox<Outcome['payload']>('StockReservationRejected')).find((e) => e.payload.allocationId === tooMany)!;
    expect(refused.payload.reason).toBe('cannot reserve 5 × milk from ST-FUND: 4 available (12 on hand, 4 reserved, 4 expired)');

    // On a January allocation date the same lot is still good, and it expires first.
    const january = await kit.requestAllocation([{ itemCode: 'milk', quantity: 2 }], 'ST-FUND', 1, { allocatedOn: '2026-01-20' });
    await kit.waitForOutbox(['StockReserved'], 2);
    const back = (await kit.outbox<Outcome['payload']>('StockReserved')).find((e) => e.payload.allocationId === january)!;
    expect(back.payload.lines!.map((l) => [l.lotId, l.quantity])).toEqual([[lots.expired, 2]]);
    expect((await kit.api().get('/lots?itemCode=milk&warehouseCode=ST-FUND').expect(200)).body.map((l: { reserved: number }) => l.reserved)).toEqual([2, 3, 1]);
  });
});
