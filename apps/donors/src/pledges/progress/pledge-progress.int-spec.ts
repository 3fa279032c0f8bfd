import { randomUUID } from 'node:crypto';
import { DonorsTestKit } from '../../../test/donors-test-kit';

/** Inventory's GoodsReceived and DeliveryConfirmed move pledges along (real PostgreSQL and Kafka). */
describe('pledge progress from inventory events', () => {
  let kit: DonorsTestKit;
  const statusChanges = async (pledgeId: string) =>
    (await kit.outbox<{ from: string; to: string }>('PledgeStatusChanged', pledgeId)).map((e) => `${e.payload.from} → ${e.payload.to}`);
  const progressOf = (p: { lines: { itemCode: string; received: number; delivered: number }[] }) =>
    Object.fromEntries(p.lines.map((l) => [l.itemCode, [l.received, l.delivered]]));

  beforeAll(async () => {
    kit = await DonorsTestKit.start('giftflow_test_donors_pledge_progress');
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('becomes partially_received, received, then fulfilled, counting each event once even when it comes twice', async () => {
    const { id } = await kit.givenPledge([{ itemCode: 'bicycle', quantity: 20 }, { itemCode: 'backpack', quantity: 10 }]);
    const firstBicycles = kit.goodsReceived(id, [['bicycle', 5], ['bicycle', 15]]); // two lots of one item

    await kit.inventoryPublishes(firstBicycles, firstBicycles);
    const bicyclesIn = await kit.pledgeOnceIt(id, 'bicycles received', (p) => p.status === 'partially_received');
    await kit.inventoryPublishes(kit.goodsReceived(id, [['backpack', 10], ['kite', 3]])); // no kites were pledged: ignored
    const allIn = await kit.pledgeOnceIt(id, 'everything received', (p) => p.status === 'received');

    expect(progressOf(bicyclesIn)).toEqual({ bicycle: [20, 0], backpack: [0, 0] });
    expect(progressOf(allIn)).toEqual({ bicycle: [20, 0], backpack: [10, 0] });

    const someGiven = kit.deliveryConfirmed([[id, 'bicycle', 20], [id, 'backpack', 4]]);
    await kit.inventoryPublishes(someGiven, someGiven);
    const partly = await kit.pledgeOnceIt(id, 'some delivered', (p) => p.lines[0].delivered > 0);
    await kit.inventoryPublishes(kit.deliveryConfirmed([[id, 'backpack', 6]]));
    const done = await kit.pledgeOnceIt(id, 'fulfilled', (p) => p.status === 'fulfilled');

    expect(partly).toMatchObject({ status: 'received' });
    expect(progressOf(partly)).toEqual({ bicycle: [20, 20], backpack: [10, 4] });
    expect(progressOf(done)).toEqual({ bicycle: [20, 20], backpack: [10, 10] });
    expect(await statusChanges(id)).toEqual(['pledged → partially_received', 'partially_received → received', 'received → fulfilled']);
  });

  it('publishes PledgeStatusChanged caused by the inventory event, carrying its actor and correlation', async () => {
    const { id } = await kit.givenPledge([{ itemCode: 'bicycle', quantity: 2 }]);
    const receipt = kit.goodsReceived(id, [['bicycle', 2]]);

    await kit.inventoryPublishes(receipt);

    await kit.pledgeOnceIt(id, 'received', (p) => p.status === 'received');
    const [changed] = await kit.outbox('PledgeStatusChanged', id);
    expect(changed).toMatchObject({ causationId: receipt.id, correlationId: receipt.correlationId, actor: 'warehouse-keeper' });
    expect((await kit.publishedEvents()).map((e) => e.id)).toContain(changed.id);
  });

  it('credits each pledge of a delivery whose lots came from several pledges', async () => {
    const a = await kit.givenPledge([{ itemCode: 'notebook', quantity: 3 }]);
    const b = await kit.givenPledge([{ itemCode: 'notebook', quantity: 5 }]);
    await kit.inventoryPublishes(kit.goodsReceived(a.id, [['notebook', 3]]), kit.goodsReceived(b.id, [['notebook', 5]]));

    await kit.inventoryPublishes(kit.deliveryConfirmed([[a.id, 'notebook', 3], [b.id, 'notebook', 2]]));

    expect(await kit.pledgeOnceIt(a.id, 'fulfilled', (p) => p.status === 'fulfilled')).toBeTruthy();
    const other = await kit.pledgeOnceIt(b.id, '2 delivered', (p) => p.lines[0].delivered === 2);
    expect(other).toMatchObject({ status: 'received', lines: [{ pledged: 5, received: 5, delivered: 2 }] });
  });

  it('dead-letters an event for a pledge donors never recorded, and keeps handling the next ones', async () => {
    const { id } = await kit.givenPledge([{ itemCode: 'bicycle', quantity: 2 }]);
    const orphan = kit.goodsReceived(randomUUID(), [['bicycle', 1]]);

    await kit.inventoryPublishes(orphan, kit.goodsReceived(id, [['bicycle', 2]]));

    await kit.pledgeOnceIt(id, 'the next event handled', (p) => p.status === 'received');
    const [letter] = await kit.deadLettered(1);
    expect(letter.event.id).toBe(orphan.id);
    expect(letter.error).toContain(`is for pledge ${orphan.payload.pledgeId}, which donors never recorded`);
  });
});
