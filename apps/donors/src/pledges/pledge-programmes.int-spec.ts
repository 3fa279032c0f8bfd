import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Envelope } from '@giftflow/contracts';
import { OutboxTransaction } from '@giftflow/messaging';
import { fundDateOf } from '@giftflow/platform';
import { sleep, testBearer } from '@giftflow/testing';
import { DonorsTestKit } from '../../test/donors-test-kit';
import { CountReceivedWhenGoodsReceivedConsumer } from './progress/count-received-when-goods-received.consumer';

/** Pledges of the programmes: business dates, amendments, closing, walk-ins, big money, lists (real PostgreSQL and Kafka). */
describe('pledges: pledgedOn/expectedOn, PATCH /pledges/:id, POST /pledges/:id/close, walk-ins, 64-bit money, GET /pledges', () => {
  let kit: DonorsTestKit;
  let donorId: string;
  const today = () => fundDateOf(new Date());
  const daysFromToday = (days: number) => fundDateOf(new Date(Date.now() + days * 86_400_000));
  const amend = (id: string, lines: object[]) => kit.api().patch(`/pledges/${id}`).set('Authorization', actorBearer).send({ lines });
  let actorBearer = ''; // signed in as staff:lan: the events name them as actor
  beforeAll(async () => {
    actorBearer = await testBearer({ id: 'staff:lan' });
  });
  const close = (id: string, reason = 'the donor cannot send the rest') => kit.api().post(`/pledges/${id}/close`).send({ reason });
  const list = async (query: string) => (await kit.api().get(`/pledges?${query}`).expect(200)).body;

  beforeAll(async () => {
    kit = await DonorsTestKit.start('giftflow_test_donors_pledge_programmes');
    donorId = await kit.givenDonor('military', 'Navy Region 2 Command');
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('records a paper pledge of the past with its pledgedOn and expectedOn, carried by PledgeRecorded beside the recording time', async () => {
    const { body: pledge } = await kit.recordPledge({
      donorId, pledgedOn: '2023-01-15', expectedOn: '2023-02-01', lines: [{ itemCode: 'bicycle', quantity: 20 }],
    }).expect(201);

    expect(pledge).toMatchObject({ pledgedOn: '2023-01-15', expectedOn: '2023-02-01', walkIn: false });
    const [recorded] = await kit.outbox('PledgeRecorded', pledge.id);
    expect(recorded.payload).toMatchObject({ pledgedOn: '2023-01-15', expectedOn: '2023-02-01' });
    expect(recorded.occurredAt.slice(0, 4)).not.toBe('2023');
  });

  it('refuses a pledgedOn in the future with 422 and records nothing; today is fine, and the default', async () => {
    const tomorrow = daysFromToday(1);
    const before = await kit.count('pledges');

    const future = await kit.recordPledge({ donorId, pledgedOn: tomorrow, lines: [{ itemCode: 'bicycle', quantity: 1 }] }).expect(422);
    const todays = await kit.recordPledge({ donorId, pledgedOn: today(), lines: [{ itemCode: 'bicycle', quantity: 1 }] }).expect(201);
    const undated = await kit.recordPledge({ donorId, expectedOn: daysFromToday(30), lines: [{ itemCode: 'bicycle', quantity: 1 }] }).expect(201);

    expect(future.body.message).toBe(`pledgedOn ${tomorrow} is in the future (today is ${today()})`);
    expect(todays.body.pledgedOn).toBe(today());
    expect(undated.body).toMatchObject({ pledgedOn: today(), expectedOn: daysFromToday(30) });
    expect(await kit.count('pledges')).toBe(before + 2);
    await kit.recordPledge({ donorId, pledgedOn: '2023-02-30', lines: [{ itemCode: 'bicycle', quantity: 1 }] }).expect(400);
    const backwards = await kit.recordPledge({ donorId, pledgedOn: '2023-03-01', expectedOn: '2023-02-01', lines: [{ itemCode: 'bicycle', quantity: 1 }] }).expect(400);
    expect(backwards.body.message).toEqual(['expectedOn must not be before pledgedOn']);
  });

  it('amends quantities before the goods arrive (PledgeAmended with every line), never below what was received (422)', async () => {
    const pledge = await kit.givenPledge([{ itemCode: 'bicycle', quantity: 20 }, { itemCode: 'backpack', quantity: 50 }]);
    await kit.inventoryPublishes(kit.goodsReceived(pledge.id, [['bicycle', 8]]));
    await kit.pledgeOnceIt(pledge.id, '8 bicycles received', (p) => p.lines[0].received === 8);

    const below = await amend(pledge.id, [{ itemCode: 'bicycle', quantity: 7 }, { itemCode: 'backpack', quantity: 10 }]).expect(422);
    const { body: amended } = await amend(pledge.id, [{ itemCode: 'bicycle', quantity: 8 }, { itemCode: 'notebook-set', quantity: 30, unitValueVnd: 120_000 }]).expect(200);

    expect(below.body.message).toBe('a pledge line cannot be below what was already received (bicycle: 7 < 8 received)');
    expect(amended.lines).toEqual([
      { itemCode: 'bicycle', pledged: 8, received: 8, delivered: 0, unitValueVnd: null },
      { itemCode: 'backpack', pledged: 50, received: 0, delivered: 0, unitValueVnd: null },
      { itemCode: 'notebook-set', pledged: 30, received: 0, delivered: 0, unitValueVnd: 120_000 },
    ]);
    expect(await kit.pledge(pledge.id)).toEqual(amended);
    const events = await kit.outbox('PledgeAmended', pledge.id);
    expect(events.map((e) => [e.actor, e.payload])).toEqual([['staff:lan', {
      pledgeId: pledge.id,
      lines: [
        { itemCode: 'bicycle', quantity: 8, unitValueVnd: null }, { itemCode: 'backpack', quantity: 50, unitValueVnd: null },
        { itemCode: 'notebook-set', quantity: 30, unitValueVnd: 120_000 },
      ],
    }]]);
  });

  it('moves the status when an amendment changes what is outstanding, and refuses to amend a cancelled pledge (409)', async () => {
    const pledge = await kit.givenPledge([{ itemCode: 'bicycle', quantity: 20 }]);
    await kit.inventoryPublishes(kit.goodsReceived(pledge.id, [['bicycle', 5]]));
    await kit.pledgeOnceIt(pledge.id, 'partially received', (p) => p.status === 'partially_received');

    const { body: amended } = await amend(pledge.id, [{ itemCode: 'bicycle', quantity: 5 }]).expect(200);

    expect(amended.status).toBe('received');
    const changes = await kit.outbox<{ from: string; to: string }>('PledgeStatusChanged', pledge.id);
    expect(changes.map((e) => `${e.payload.from} → ${e.payload.to}`)).toEqual(['pledged → partially_received', 'partially_received → received']);

    const other = await kit.givenPledge();
    await kit.api().post(`/pledges/${other.id}/cancel`).send({ reason: 'withdrawn' }).expect(201);
    await amend(other.id, [{ itemCode: 'bicycle', quantity: 2 }]).expect(409);
    await amend(randomUUID(), [{ itemCode: 'bicycle', quantity: 2 }]).expect(404);
    await amend(other.id, [{ itemCode: 'bicycle', quantity: 0 }]).expect(400);
  });

  it('closes a partly received pledge (PledgeClosed), forgiving the rest; its goods still count as delivered; closing again changes nothing', async () => {
    const pledge = await kit.givenPledge([{ itemCode: 'bicycle', quantity: 20 }]);
    await kit.inventoryPublishes(kit.goodsReceived(pledge.id, [['bicycle', 12]]));
    await kit.pledgeOnceIt(pledge.id, 'partially received', (p) => p.status === 'partially_received');

    const { body: closed } = await close(pledge.id).expect(201);
    const again = await close(pledge.id, 'asked twice').expect(201);
    await kit.inventoryPublishes(kit.deliveryConfirmed([[pledge.id, 'bicycle', 12]]));
    const delivered = await kit.pledgeOnceIt(pledge.id, '12 delivered', (p) => p.lines[0].delivered === 12);

    expect(closed).toMatchObject({ status: 'closed', closeReason: 'the donor cannot send the rest', lines: [{ pledged: 20, received: 12 }] });
    expect(again.body).toEqual(closed);
    expect(delivered.status).toBe('closed');
    expect((await kit.outbox('PledgeClosed', pledge.id)).map((e) => e.payload)).toEqual([{ pledgeId: pledge.id, reason: 'the donor cannot send the rest' }]);
    expect((await list(`status=closed&donorId=${delivered.donorId}`)).items.map((p: { id: string }) => p.id)).toEqual([pledge.id]);
    await amend(pledge.id, [{ itemCode: 'bicycle', quantity: 12 }]).expect(409);
  });

  it('refuses to close a pledge with nothing received or everything received (409)', async () => {
    const nothing = await kit.givenPledge();
    const everything = await kit.givenPledge([{ itemCode: 'bicycle', quantity: 2 }]);
    await kit.inventoryPublishes(kit.goodsReceived(everything.id, [['bicycle', 2]]));
    await kit.pledgeOnceIt(everything.id, 'received', (p) => p.status === 'received');

    expect((await close(nothing.id).expect(409)).body.message).toBe(`pledge ${nothing.id} cannot be closed: nothing has been received yet (cancel it instead)`);
    expect((await close(everything.id).expect(409)).body.message).toBe(`pledge ${everything.id} cannot be closed: it is received`);
    await close(randomUUID()).expect(404);
    await close(nothing.id, ' ').expect(400);
  });

  it('shows a walk-in receipt as a received pledge of its donor, once however often the event comes', async () => {
    const campaignId = await kit.givenCampaign('Dialogue with children 2023', { kind: 'dialogue' });
    const walkInDonor = await kit.givenDonor('individual', 'A passer-by with backpacks');
    const pledgeId = randomUUID();
    const receipt = kit.walkInReceived(pledgeId, walkInDonor, campaignId, [['backpack', 30, 250_000], ['backpack', 9, 250_000], ['milk-carton-48', 4, 380_000]], '2023-03-04');

    await kit.inventoryPublishes(receipt, receipt);
    const pledge = await kit.pledgeOnceIt(pledgeId, 'made from the walk-in', (p) => p.status === 'received');
    await kit.inventoryPublishes(kit.walkInReceived(pledgeId, walkInDonor, campaignId, [['milk-carton-48', 1, 380_000]]));
    const more = await kit.pledgeOnceIt(pledgeId, 'a second walk-in receipt added', (p) => p.lines[1].received === 5);

    expect(pledge).toMatchObject({
      id: pledgeId, donorId: walkInDonor, campaignId, status: 'received', walkIn: true, pledgedOn: '2023-03-04', expectedOn: null,
      lines: [
        { itemCode: 'backpack', pledged: 39, received: 39, delivered: 0, unitValueVnd: 250_000 },
        { itemCode: 'milk-carton-48', pledged: 4, received: 4, delivered: 0, unitValueVnd: 380_000 },
      ],
    });
    expect(more.lines[1]).toMatchObject({ pledged: 5, received: 5 });
    expect((await list(`donorId=${walkInDonor}`)).items.map((p: { id: string }) => p.id)).toEqual([pledgeId]);
    expect(await kit.outbox('PledgeRecorded', pledgeId)).toEqual([]);
    expect(await kit.outbox('PledgeStatusChanged', pledgeId)).toEqual([]);

    await kit.inventoryPublishes(kit.deliveryConfirmedV2([[pledgeId, 'backpack', 3], [null, 'heart-screening', 1]]));
    const given = await kit.pledgeOnceIt(pledgeId, '3 delivered (v2)', (p) => p.lines[0].delivered === 3);
    expect(given.status).toBe('received');
  });

  it('adds up two walk-in receipts for one pledge handled at once (two partitions: receipts are keyed by receipt id)', async () => {
    const walkInDonor = await kit.givenDonor('individual', 'Two passers-by, one walk-in pledge');
    const pledgeId = randomUUID();
    const first = kit.walkInReceived(pledgeId, walkInDonor, null, [['backpack', 2, 250_000]]);
    const second = kit.walkInReceived(pledgeId, walkInDonor, null, [['backpack', 3, 250_000], ['kite', 1, 40_000]]);
    const handler = kit.service.app.get(CountReceivedWhenGoodsReceivedConsumer);
    const dataSource = kit.service.app.get<DataSource>(getDataSourceToken());
    const txFor = (manager: EntityManager, event: Envelope) =>
      new OutboxTransaction(manager, 'donors', kit.prefix, { actor: event.actor, correlationId: event.correlationId, causationId: event.id });

    // The first receipt has made the pledge but not committed...
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    let secondRun: Promise<unknown> = Promise.resolve();
    try {
      await runner.startTransaction();
      await handler.handle(first, txFor(runner.manager, first));
      // ...while the second, finding no pledge yet, waits on its row; then adds to it (before: a unique violation).
      let secondDone = false;
      secondRun = dataSource.transaction((m) => handler.handle(second, txFor(m, second))).then(() => void (secondDone = true));
      await sleep(300);
      expect(secondDone).toBe(false);
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    await secondRun;

    expect(await kit.pledge(pledgeId)).toMatchObject({
      id: pledgeId, donorId: walkInDonor, status: 'received', walkIn: true,
      lines: [
        { itemCode: 'backpack', pledged: 5, received: 5, delivered: 0, unitValueVnd: 250_000 },
        { itemCode: 'kite', pledged: 1, received: 1, delivered: 0, unitValueVnd: 40_000 },
      ],
    });
  });

  it('dead-letters a walk-in receipt from a donor donors never registered, and moves on', async () => {
    const ghost = randomUUID();
    const strayWalkIn = kit.walkInReceived(randomUUID(), ghost, null, [['backpack', 1, 250_000]]);
    const next = await kit.givenPledge([{ itemCode: 'bicycle', quantity: 1 }]);

    await kit.inventoryPublishes(strayWalkIn, kit.goodsReceived(next.id, [['bicycle', 1]]));

    await kit.pledgeOnceIt(next.id, 'the next event handled', (p) => p.status === 'received');
    const [letter] = await kit.deadLettered(1);
    expect(letter.event.id).toBe(strayWalkIn.id);
    expect(letter.error).toContain(`is from donor ${ghost}, whom donors never registered`);
    await kit.api().get(`/pledges/${strayWalkIn.payload.pledgeId}`).expect(404);
  });

  it('records a 5,000,000,000 VND cash gift, counts it received, and answers the amounts as JSON numbers', async () => {
    const fiveBillion = 5_000_000_000;
    const { body: pledge } = await kit.recordPledge({ donorId, lines: [{ itemCode: 'cash-vnd', quantity: 1, unitValueVnd: fiveBillion }] }).expect(201);
    const receipt = kit.goodsReceived(pledge.id, [['cash-vnd', 1]]);
    (receipt.payload as { lines: { unitValueVnd: number }[] }).lines[0].unitValueVnd = fiveBillion;

    await kit.inventoryPublishes(receipt);
    const received = await kit.pledgeOnceIt(pledge.id, 'received', (p) => p.status === 'received');

    expect(pledge.lines).toEqual([{ itemCode: 'cash-vnd', pledged: 1, received: 0, delivered: 0, unitValueVnd: fiveBillion }]);
    expect(received.lines[0]).toEqual({ itemCode: 'cash-vnd', pledged: 1, received: 1, delivered: 0, unitValueVnd: fiveBillion });
    const raw = (await kit.api().get(`/pledges/${pledge.id}`).expect(200)).text;
    expect(raw).toContain('"unitValueVnd":5000000000');
    const [recorded] = (await kit.publishedEvents()).filter((e) => e.type === 'PledgeRecorded' && e.aggregateId === pledge.id);
    expect(recorded.payload).toMatchObject({ lines: [{ itemCode: 'cash-vnd', quantity: 1, unitValueVnd: fiveBillion }] });

    const { body: bigAmend } = await amend(pledge.id, [{ itemCode: 'rice-kg', quantity: 1_000_000_000, unitValueVnd: 20_000 }]).expect(200);
    expect(bigAmend.lines[1]).toEqual({ itemCode: 'rice-kg', pledged: 1_000_000_000, received: 0, delivered: 0, unitValueVnd: 20_000 });
  });

  it('lists pledges by donor, campaign, status and overdue, paged {items, total, page, pageSize}', async () => {
    const d = await kit.givenDonor('business', 'Overdue Co');
    const c = await kit.givenCampaign('Scholarships 2026', { kind: 'scholarship_drive' });
    const late = (await kit.recordPledge({ donorId: d, campaignId: c, pledgedOn: '2023-01-10', expectedOn: '2023-02-01', lines: [{ itemCode: 'scholarship', quantity: 5 }] }).expect(201)).body;
    const notYet = (await kit.recordPledge({ donorId: d, campaignId: c, expectedOn: daysFromToday(10), lines: [{ itemCode: 'scholarship', quantity: 5 }] }).expect(201)).body;
    const lateButIn = (await kit.recordPledge({ donorId: d, pledgedOn: '2023-01-12', expectedOn: '2023-01-20', lines: [{ itemCode: 'scholarship', quantity: 1 }] }).expect(201)).body;
    await kit.inventoryPublishes(kit.goodsReceived(lateButIn.id, [['scholarship', 1]]));
    await kit.pledgeOnceIt(lateButIn.id, 'received', (p) => p.status === 'received');

    const ids = (page: { items: { id: string }[] }) => page.items.map((p) => p.id);
    expect(ids(await list(`donorId=${d}`))).toEqual([notYet.id, lateButIn.id, late.id]);
    expect(ids(await list(`donorId=${d}&overdue=true`))).toEqual([late.id]);
    expect(ids(await list(`donorId=${d}&overdue=false`))).toEqual([notYet.id, lateButIn.id]);
    expect(ids(await list(`campaignId=${c}&status=pledged`))).toEqual([notYet.id, late.id]);
    expect(await list(`donorId=${d}&page=2&pageSize=2`)).toEqual({ items: [expect.objectContaining({ id: late.id, lines: [expect.objectContaining({ pledged: 5 })] })], total: 3, page: 2, pageSize: 2 });
    expect((await kit.api().get('/pledges?overdue=yes&status=lost&donorId=x').expect(400)).body.message).toHaveLength(3);
  });
});
