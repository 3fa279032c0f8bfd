import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { PledgeCancelledV1 } from '@giftflow/contracts';
import { testBearer, waitFor } from '@giftflow/testing';
import { fundDateOf } from '../../stock/fund-dates';
import { InventoryTestKit } from '../../../test/inventory-test-kit';

const today = () => fundDateOf(new Date());

describe('POST /receipts', () => {
  let kit: InventoryTestKit;
  const warehouseCode = 'ST-FUND';

  const lotsOf = (pledgeId: string) => kit.db.query('SELECT * FROM stock_lots WHERE pledge_id = $1 ORDER BY receipt_line', [pledgeId]);
  const countRows = async (table: 'receipts' | 'stock_lots' | 'stock_movements') => (await kit.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    kit = await InventoryTestKit.start('giftflow_test_inventory_receipts');
    await kit.api().post('/items').send({ code: 'bicycle', name: 'Bicycle', category: 'bicycles', unit: 'piece', unitValueVnd: 1_800_000 }).expect(201);
    await kit.api().post('/items').send({ code: 'milk-carton-48', name: 'Milk', category: 'milk', unit: 'carton', unitValueVnd: 380_000 }).expect(201);
    await kit.api().post('/items').send({ code: 'backpack', name: 'Backpack', category: 'backpacks', unit: 'piece', unitValueVnd: 250_000 }).expect(201);
    await kit.api().post('/warehouses').send({ code: warehouseCode, name: 'Provincial', districtCode: '941' }).expect(201);
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('turns each line into a stock lot with its ledger row and publishes GoodsReceived (pledge value, else catalogue value)', async () => {
    const pledgeId = await kit.recordPledge([
      { itemCode: 'bicycle', quantity: 20, unitValueVnd: 1_900_000 },
      { itemCode: 'milk-carton-48', quantity: 10, unitValueVnd: null },
    ]);
    const { body } = await kit.api().post('/receipts').set('Authorization', await testBearer({ id: 'storekeeper' }))
      .send({ pledgeId, warehouseCode, lines: [{ itemCode: 'bicycle', quantity: 20 }, { itemCode: 'milk-carton-48', quantity: 4, expiresOn: '2026-12-31' }] })
      .expect(201);
    expect(body).toEqual({
      id: expect.any(String), pledgeId, warehouseCode, receivedAt: expect.any(String), receivedOn: today(),
      donorId: expect.any(String), campaignId: null, walkIn: false,
      lines: [
        { lotId: expect.any(String), itemCode: 'bicycle', quantity: 20, expiresOn: null },
        { lotId: expect.any(String), itemCode: 'milk-carton-48', quantity: 4, expiresOn: '2026-12-31' },
      ],
    });

    const lots = await lotsOf(pledgeId);
    expect(lots.map((l: Record<string, unknown>) => [l.id, l.item_code, l.on_hand, l.reserved, Number(l.unit_value_vnd), l.receipt_id])).toEqual([
      [body.lines[0].lotId, 'bicycle', 20, 0, 1_900_000, body.id],
      [body.lines[1].lotId, 'milk-carton-48', 4, 0, 380_000, body.id],
    ]);
    const ledger = await kit.db.query('SELECT lot_id, kind, on_hand_delta, receipt_id FROM stock_movements WHERE receipt_id = $1 ORDER BY on_hand_delta DESC', [body.id]);
    expect(ledger).toEqual([
      { lot_id: body.lines[0].lotId, kind: 'received', on_hand_delta: 20, receipt_id: body.id },
      { lot_id: body.lines[1].lotId, kind: 'received', on_hand_delta: 4, receipt_id: body.id },
    ]);

    const received = (await kit.publishedEvents()).filter((e) => e.type === 'GoodsReceived');
    expect(received).toEqual([expect.objectContaining({
      aggregateId: body.id, actor: 'storekeeper',
      payload: {
        receiptId: body.id, pledgeId, warehouseCode, receivedOn: today(), donorId: body.donorId, campaignId: null,
        lines: [
          { lotId: body.lines[0].lotId, itemCode: 'bicycle', quantity: 20, expiresOn: null, unitValueVnd: 1_900_000 },
          { lotId: body.lines[1].lotId, itemCode: 'milk-carton-48', quantity: 4, expiresOn: '2026-12-31', unitValueVnd: 380_000 },
        ],
      },
    })]);
  });

  it('refuses an unknown pledge with 422 and writes and publishes nothing (donors unreachable)', async () => {
    const eventsBefore = (await kit.publishedEvents()).length;
    const rowsBefore = [await countRows('receipts'), await countRows('stock_lots'), await countRows('stock_movements')];
    const unknown = randomUUID();
    const { body } = await kit.api().post('/receipts').send({ pledgeId: unknown, warehouseCode, lines: [{ itemCode: 'bicycle', quantity: 1 }] }).expect(422);
    expect(body.message).toBe(`pledge ${unknown} not found`);
    await new Promise((r) => setTimeout(r, 1_000)); // the relay would have sent anything by now
    expect((await kit.publishedEvents()).length).toBe(eventsBefore);
    expect([await countRows('receipts'), await countRows('stock_lots'), await countRows('stock_movements')]).toEqual(rowsBefore);
  });

  it('asks donors once about a pledge the local copy has not seen yet, and decides from its answer', async () => {
    const known = randomUUID();
    const asked: string[] = [];
    const donors = http.createServer((req, res) => {
      asked.push(req.url!);
      const found = req.url === `/pledges/${known}`;
      res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(found ? { id: known, status: 'pledged', lines: [{ itemCode: 'backpack', pledged: 5, received: 0, delivered: 0, unitValueVnd: null }] } : { message: 'not found' }));
    });
    await new Promise<void>((r) => donors.listen(0, '127.0.0.1', r));
    const saved = process.env.DONORS_URL;
    process.env.DONORS_URL = `http://127.0.0.1:${(donors.address() as AddressInfo).port}`;
    try {
      const { body } = await kit.api().post('/receipts').send({ pledgeId: known, warehouseCode, lines: [{ itemCode: 'backpack', quantity: 5 }] }).expect(201);
      expect(body.lines).toEqual([expect.objectContaining({ itemCode: 'backpack', quantity: 5 })]);
      expect((await lotsOf(known))[0]).toMatchObject({ unit_value_vnd: '250000', on_hand: 5 });
      const unknown = randomUUID();
      await kit.api().post('/receipts').send({ pledgeId: unknown, warehouseCode, lines: [{ itemCode: 'backpack', quantity: 1 }] }).expect(422);
      expect(asked).toEqual([`/pledges/${known}`, `/pledges/${unknown}`]);
    } finally {
      process.env.DONORS_URL = saved;
      donors.close();
    }
  });

  it('refuses, with 422 saying what, an unknown warehouse or item, an item not pledged, and more than outstanding', async () => {
    const pledgeId = await kit.recordPledge([{ itemCode: 'bicycle', quantity: 8, unitValueVnd: null }]);
    const receive = (lines: object[], warehouse = warehouseCode) => kit.api().post('/receipts').send({ pledgeId, warehouseCode: warehouse, lines });

    expect((await receive([{ itemCode: 'bicycle', quantity: 1 }], 'NOWHERE').expect(422)).body.message).toBe('warehouse NOWHERE not found');
    expect((await receive([{ itemCode: 'scooter', quantity: 1 }]).expect(422)).body.message).toBe('item scooter not found');
    expect((await receive([{ itemCode: 'backpack', quantity: 1 }]).expect(422)).body.message).toBe(`item backpack is not on pledge ${pledgeId}`);
    await receive([{ itemCode: 'bicycle', quantity: 5 }]).expect(201);
    // Two lines of the same item count together against what is outstanding.
    const over = await receive([{ itemCode: 'bicycle', quantity: 2 }, { itemCode: 'bicycle', quantity: 2 }]).expect(422);
    expect(over.body.message).toBe(`only 3 bicycle outstanding on pledge ${pledgeId}, not 4`);
    await receive([{ itemCode: 'bicycle', quantity: 3 }]).expect(201);
    expect((await receive([{ itemCode: 'bicycle', quantity: 1 }]).expect(422)).body.message).toContain('only 0 bicycle outstanding');
    expect((await lotsOf(pledgeId)).map((l: { on_hand: number }) => l.on_hand)).toEqual([5, 3]);
  });

  it('lets concurrent receipts for one pledge take no more than is outstanding', async () => {
    const pledgeId = await kit.recordPledge([{ itemCode: 'bicycle', quantity: 10 }].map((l) => ({ ...l, unitValueVnd: null })));
    const answers = await Promise.all(Array.from({ length: 8 }, () =>
      kit.api().post('/receipts').send({ pledgeId, warehouseCode, lines: [{ itemCode: 'bicycle', quantity: 3 }] })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 422)).toHaveLength(5);
    expect((await lotsOf(pledgeId)).reduce((s: number, l: { on_hand: number }) => s + l.on_hand, 0)).toBe(9);
  });

  it('answers 409 for a cancelled pledge', async () => {
    const pledgeId = await kit.recordPledge([{ itemCode: 'bicycle', quantity: 2, unitValueVnd: null }]);
    await kit.publish(PledgeCancelledV1, pledgeId, { pledgeId, reason: 'donor withdrew' });
    await waitFor('the cancellation', async () => (await kit.db.query("SELECT 1 FROM known_pledges WHERE pledge_id = $1 AND status = 'cancelled'", [pledgeId])).length > 0);
    const { body } = await kit.api().post('/receipts').send({ pledgeId, warehouseCode, lines: [{ itemCode: 'bicycle', quantity: 1 }] }).expect(409);
    expect(body.message).toBe(`pledge ${pledgeId} is cancelled`);
    expect(await lotsOf(pledgeId)).toEqual([]);
  });

  it('returns the first receipt when a POST is retried with the same Idempotency-Key', async () => {
    const pledgeId = await kit.recordPledge([{ itemCode: 'bicycle', quantity: 4, unitValueVnd: null }]);
    const key = randomUUID();
    const send = () => kit.api().post('/receipts').set('Idempotency-Key', key).send({ pledgeId, warehouseCode, lines: [{ itemCode: 'bicycle', quantity: 3 }] });
    const first = await send().expect(201);
    const retry = await send().expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await lotsOf(pledgeId)).toHaveLength(1);
    expect(await kit.db.query('SELECT route, response_status FROM http_idempotency WHERE idempotency_key = $1', [key])).toEqual([{ route: 'POST /receipts', response_status: 201 }]);
  });

  it('answers one Idempotency-Key sent at the same moment for two pledges with one receipt and one 422, never a 500', async () => {
    const first = await kit.recordPledge([{ itemCode: 'bicycle', quantity: 2, unitValueVnd: null }]);
    const second = await kit.recordPledge([{ itemCode: 'bicycle', quantity: 2, unitValueVnd: null }]);
    const key = randomUUID();
    const replies = await Promise.all([first, second].map((pledgeId) =>
      kit.api().post('/receipts').set('Idempotency-Key', key).send({ pledgeId, warehouseCode, lines: [{ itemCode: 'bicycle', quantity: 1 }] })));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(replies.find((r) => r.status === 422)!.body.message).toBe(`Idempotency-Key ${key} was already used for a different request (POST /receipts); send a new key for a new request`);
  });

  it('takes a business date (receivedOn), never in the future, and no lot expiring before it', async () => {
    const pledgeId = await kit.recordPledge([{ itemCode: 'milk-carton-48', quantity: 10, unitValueVnd: null }]);
    const receive = (receivedOn: string | undefined, expiresOn?: string) =>
      kit.api().post('/receipts').send({ pledgeId, warehouseCode, receivedOn, lines: [{ itemCode: 'milk-carton-48', quantity: 1, expiresOn }] });
    const tomorrow = fundDateOf(new Date(Date.now() + 86_400_000));
    expect((await receive(tomorrow).expect(422)).body.message).toBe(`receivedOn ${tomorrow} is in the future (today is ${today()})`);
    expect((await receive('2026-03-10', '2026-03-09').expect(422)).body.message).toBe('lines.0: milk-carton-48 expiring on 2026-03-09 cannot be received on 2026-03-10');
    const { body } = await receive('2026-03-10', '2026-03-10').expect(201);
    expect(body).toMatchObject({ receivedOn: '2026-03-10', walkIn: false });
    const event = (await kit.publishedEvents()).find((e) => e.aggregateId === body.id)!;
    expect(event.payload).toMatchObject({ receivedOn: '2026-03-10' });
    expect(await lotsOf(pledgeId)).toHaveLength(1);
  });

  it('receives a walk-in donation with no pledge: a pledgeId made here, GoodsReceived with walkIn, donor and campaign', async () => {
    const donorId = randomUUID();
    const campaignId = randomUUID();
    const key = randomUUID();
    const send = () => kit.api().post('/receipts').set('Idempotency-Key', key)
      .send({ donorId, campaignId, warehouseCode, lines: [{ itemCode: 'backpack', quantity: 7 }] });
    const { body } = await send().expect(201);
    expect(body).toMatchObject({ donorId, campaignId, walkIn: true, pledgeId: expect.any(String), lines: [expect.objectContaining({ itemCode: 'backpack', quantity: 7 })] });
    expect((await send().expect(201)).body).toEqual(body);
    const [lot] = await lotsOf(body.pledgeId);
    expect(lot).toMatchObject({ donor_id: donorId, on_hand: 7, unit_value_vnd: '250000' });
    const event = (await kit.publishedEvents()).find((e) => e.aggregateId === body.id)!;
    expect(event.payload).toEqual({
      receiptId: body.id, pledgeId: body.pledgeId, warehouseCode, donorId, campaignId, walkIn: true, receivedOn: today(),
      lines: [{ lotId: body.lines[0].lotId, itemCode: 'backpack', quantity: 7, expiresOn: null, unitValueVnd: 250_000 }],
    });
    expect((await kit.api().post('/receipts').send({ pledgeId: randomUUID(), donorId, warehouseCode, lines: [{ itemCode: 'backpack', quantity: 1 }] }).expect(422)).body.message)
      .toBe('give pledgeId, or donorId for a walk-in donation, not both');
    expect((await kit.api().post('/receipts').send({ warehouseCode, lines: [{ itemCode: 'backpack', quantity: 1 }] }).expect(400)).body.message.join()).toMatch(/pledgeId[\s\S]*donorId/);
  });

  it('refuses services (not stocked) and perishables without an expiry', async () => {
    await kit.api().post('/items').send({ code: 'heart-screening', name: 'Heart screening', category: 'health', unit: 'visit', unitValueVnd: 500_000, stocked: false }).expect(201);
    await kit.api().post('/items').send({ code: 'yoghurt', name: 'Yoghurt', category: 'milk', unit: 'carton', unitValueVnd: 90_000, perishable: true }).expect(201);
    const donorId = randomUUID();
    const walkIn = (lines: object[]) => kit.api().post('/receipts').send({ donorId, warehouseCode, lines });
    expect((await walkIn([{ itemCode: 'heart-screening', quantity: 1 }]).expect(422)).body.message).toBe('item heart-screening is a service: it is delivered, never received into stock');
    expect((await walkIn([{ itemCode: 'yoghurt', quantity: 1 }]).expect(422)).body.message).toBe('item yoghurt is perishable: every line needs expiresOn');
    await walkIn([{ itemCode: 'yoghurt', quantity: 1, expiresOn: '2027-01-01' }]).expect(201);
  });

  it('answers 400 naming each bad field, nested ones by path', async () => {
    const { body } = await kit.api().post('/receipts')
      .send({ pledgeId: 'nope', warehouseCode, lines: [{ itemCode: 'bicycle', quantity: 0, expiresOn: '2026-02-30' }, { itemCode: 'bicycle', quantity: 1.5 }] })
      .expect(400);
    const messages: string = body.message.join('\n');
    for (const field of ['pledgeId', 'lines.0.quantity', 'lines.0.expiresOn', 'lines.1.quantity']) expect(messages).toContain(field);
    expect((await kit.api().post('/receipts').send({ pledgeId: randomUUID(), warehouseCode, lines: [] }).expect(400)).body.message.join()).toContain('lines');
  });
});
