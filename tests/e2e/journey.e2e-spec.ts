import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Publisher } from '@giftflow/contracts';
import { SignedIn, TEST_ADMIN_PASSWORD, signIn, signInNewUser, sleep, waitFor } from '@giftflow/testing';
import { TestSystem, startTestSystem } from '../../scripts/test-system';
import { CAMPAIGNS, DISTRICTS, DONORS, ITEMS, WAREHOUSES } from '../../seeds/demo-data';

/**
 * Issue #3: a pledged bicycle reaches a child and shows up in the monthly report. The five apps run as
 * processes (as `npm start` runs them) against the real broker and PostgreSQL; every call goes through the
 * gateway, as the console's would.
 */
describe('the whole journey, end to end', () => {
  let system: TestSystem;
  let gateway: string;
  let admin: SignedIn;

  /** Through the gateway, signed in as the admin (POST /api/auth/login), as the console would be. */
  const api = () => request.agent(gateway).set('Authorization', admin.authorization);
  /** Asserts the status, naming the request and the answer's body when it differs. */
  const answers = (status: number) => (res: request.Response) => {
    if (res.status !== status) throw new Error(`${res.request.method} ${res.request.url} answered ${res.status}, not ${status}: ${res.text}`);
  };
  const bicycle = ITEMS.bicycle;
  const warehouseCode = WAREHOUSES.provincial.code;
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);

  const stock = async () => {
    const { body } = await api().get(`/api/inventory/stock?itemCode=${bicycle.code}&warehouseCode=${warehouseCode}`).expect(200);
    expect(body).toHaveLength(1);
    return body[0] as { onHand: number; reserved: number; available: number };
  };
  const allocation = async (id: string) => (await api().get(`/api/beneficiaries/allocations/${id}`).expect(200)).body;
  const waitForStatuses = (ids: string[], wanted: string[], timeoutMs = 60_000) =>
    waitFor(`${ids.length} allocations to be ${wanted.join('/')}`, async () => {
      const all = await Promise.all(ids.map(allocation));
      return all.every((a) => wanted.includes(a.status)) && all;
    }, timeoutMs, 250);
  const monthly = async () => (await api().get(`/api/reporting/reports/monthly?month=${month}`).expect(200)).body;
  const bicyclesIn = (report: { byCategory: Array<Record<string, number> & { category: string }> }) => report.byCategory.find((c) => c.category === bicycle.category);
  /** Every personal or free-text string the journey sends (children's names, guardians, phones, notes): step 9 looks for them in every event. */
  const personal = new Set<string>();
  const sent = <T extends string>(text: T): T => {
    personal.add(text);
    return text;
  };
  const registerChild = async (n: number, districtCode: string) =>
    (await api().post('/api/beneficiaries/children').send({
      fullName: sent(`Child ${n}`), birthDate: '2014-05-20', sex: n % 2 ? 'female' : 'male', districtCode,
      communeCode: `${districtCode}01`, circumstances: ['poor_household'], guardianName: sent(`Guardian ${n}`),
      guardianPhone: sent(`0912 345 ${String(n).padStart(3, '0')}`),
    }).expect(201)).body.id as string;
  const allocateOneBicycle = async (beneficiaryId: string) => {
    const { body } = await api().post('/api/beneficiaries/allocations')
      .send({ beneficiaryId, campaignId, warehouseCode, lines: [{ itemCode: bicycle.code, quantity: 1 }] })
      .expect(202);
    expect(body).toMatchObject({ id: expect.any(String), status: 'requested' });
    return body.id as string;
  };
  const inventoryEventsOnTopic = () => system.eventCount('inventory');

  let campaignId: string;
  let donorId: string;
  let pledgeId: string;
  const pledgeKey = randomUUID();
  let pledgeBody: object;
  const firstFive: string[] = [];

  beforeAll(async () => {
    system = await startTestSystem('journey');
    gateway = system.gateway;
    admin = await signIn(gateway, 'admin@giftflow.local', TEST_ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('1. a military donor pledges 20 bicycles; the warehouse receives all 20; the pledge becomes received', async () => {
    const donor = (await api().post('/api/donors/donors').send(DONORS.navy).expect(201)).body;
    donorId = donor.id;
    // The fund's today (Asia/Ho_Chi_Minh), as beneficiaries checks the campaign's dates.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    campaignId = (await api().post('/api/donors/campaigns')
      .send({ name: CAMPAIGNS.monthOfAction.name, startsOn: `${month}-01`, endsOn: today > `${month}-28` ? today : `${month}-28` })
      .expect(201)).body.id;
    await api().post('/api/inventory/items').send(bicycle).expect(201);
    await api().post('/api/inventory/warehouses').send(WAREHOUSES.provincial).expect(201);

    pledgeBody = { donorId: donor.id, campaignId, lines: [{ itemCode: bicycle.code, quantity: 20, unitValueVnd: 1_800_000 }] };
    const pledge = (await api().post('/api/donors/pledges').set('Idempotency-Key', pledgeKey).send(pledgeBody).expect(201)).body;
    expect(pledge).toMatchObject({ id: expect.any(String), status: 'pledged' });
    pledgeId = pledge.id;

    const receipt = (await api().post('/api/inventory/receipts')
      .send({ pledgeId, warehouseCode, lines: [{ itemCode: bicycle.code, quantity: 20 }] })
      .expect(201)).body;
    expect(receipt.lines).toHaveLength(1);

    const received = await waitFor('the pledge to be received', async () => {
      const { body } = await api().get(`/api/donors/pledges/${pledgeId}`).expect(200);
      return body.status === 'received' && body;
    });
    expect(received.lines).toEqual([expect.objectContaining({ itemCode: bicycle.code, pledged: 20, received: 20, delivered: 0 })]);
    expect(await stock()).toMatchObject({ onHand: 20, reserved: 0, available: 20 });
  });

  it('2. five children in two districts are allocated one bicycle each: all confirmed, 5 reserved, 15 available', async () => {
    const districts = [DISTRICTS.longPhu.code, DISTRICTS.longPhu.code, DISTRICTS.longPhu.code, DISTRICTS.tranDe.code, DISTRICTS.tranDe.code];
    for (const [n, districtCode] of districts.entries()) firstFive.push(await allocateOneBicycle(await registerChild(n + 1, districtCode)));
    const confirmed = await waitForStatuses(firstFive, ['confirmed']);
    expect(confirmed.map((a) => a.status)).toEqual(Array(5).fill('confirmed'));
    expect(await stock()).toMatchObject({ onHand: 20, reserved: 5, available: 15 });
  });

  it('3. a volunteer dispatches five, confirms four, fails one ("family moved"): its bicycle is back, onHand 16', async () => {
    await waitFor('five deliveries ready', async () => {
      const { body } = await api().get('/api/inventory/deliveries?status=ready').expect(200);
      return firstFive.every((id) => body.items.some((d: { allocationId: string }) => d.allocationId === id));
    });
    for (const id of firstFive) await api().post(`/api/inventory/deliveries/${id}/dispatch`).send({ volunteer: sent('Tran Van An') }).expect(201);
    const [failed, ...delivered] = [firstFive[4], ...firstFive.slice(0, 4)]; // the last Tran De child's family moved
    for (const id of delivered) {
      await api().post(`/api/inventory/deliveries/${id}/confirm`).send({ receivedBy: sent('Nguyen Thi Hoa'), relationship: 'mother' }).expect(201);
    }
    await api().post(`/api/inventory/deliveries/${failed}/fail`).send({ reason: 'moved', note: sent('family moved') }).expect(201);

    await waitForStatuses(delivered, ['delivered']);
    const [gone] = await waitForStatuses([failed], ['failed']);
    expect(gone.reason).toBe('moved'); // DeliveryFailed v2 carries the reason code; the note stays in inventory
    expect(await stock()).toMatchObject({ onHand: 16, reserved: 0, available: 16 });
  });

  it('4. the monthly report and the pledge trace show the deliveries', async () => {
    const report = await waitFor('the report to count 4 deliveries', async () => {
      const r = await monthly();
      return bicyclesIn(r)?.deliveredQty === 4 && r;
    });
    const expected = {
      pledgedQty: 20, pledgedValueVnd: 36_000_000, receivedQty: 20, allocatedQty: 5,
      deliveredQty: 4, deliveredValueVnd: 7_200_000, childrenReached: 4, institutionsReached: 0,
    };
    expect(bicyclesIn(report)).toMatchObject(expected);
    expect(report.totals).toMatchObject(expected);
    const rows = report.byDistrict.filter((r: { category: string }) => r.category === bicycle.category);
    const sum = (key: string) => rows.reduce((s: number, r: Record<string, number>) => s + r[key], 0);
    expect({ deliveredQty: sum('deliveredQty'), deliveredValueVnd: sum('deliveredValueVnd'), childrenReached: sum('childrenReached'), allocatedQty: sum('allocatedQty') })
      .toEqual({ deliveredQty: 4, deliveredValueVnd: 7_200_000, childrenReached: 4, allocatedQty: 5 });
    expect(rows.find((r: { districtCode: string }) => r.districtCode === DISTRICTS.longPhu.code)).toMatchObject({ allocatedQty: 3, deliveredQty: 3, deliveredValueVnd: 5_400_000, childrenReached: 3 });
    expect(rows.find((r: { districtCode: string }) => r.districtCode === DISTRICTS.tranDe.code)).toMatchObject({ allocatedQty: 2, deliveredQty: 1, deliveredValueVnd: 1_800_000, childrenReached: 1 });

    const trace = (await api().get(`/api/reporting/reports/pledges/${pledgeId}/trace`).expect(200)).body;
    expect(trace).toMatchObject({ pledgedQty: 20, receivedQty: 20, inStockQty: 16, reservedQty: 0, deliveredQty: 4, returnedQty: 1 });
    expect(trace.delivered.reduce((s: number, d: { quantity: number }) => s + d.quantity, 0)).toBe(4);
    const pledge = (await api().get(`/api/donors/pledges/${pledgeId}`).expect(200)).body;
    expect(pledge.lines[0]).toMatchObject({ pledged: 20, received: 20, delivered: 4 });
  });

  it('5. thirty concurrent requests for the 16 bicycles left: exactly 16 confirmed, 14 rejected, available never below 0', async () => {
    const children = await Promise.all(Array.from({ length: 30 }, (_, i) => registerChild(100 + i, i % 2 ? DISTRICTS.vinhChau.code : DISTRICTS.thanhTri.code)));
    let lowest = Number.POSITIVE_INFINITY;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        lowest = Math.min(lowest, (await stock()).available);
        await sleep(50);
      }
    })();
    const ids = await Promise.all(children.map(allocateOneBicycle));
    const settled = await waitForStatuses(ids, ['confirmed', 'rejected'], 120_000);
    watching = false;
    await watcher;

    const confirmed = settled.filter((a) => a.status === 'confirmed');
    const rejected = settled.filter((a) => a.status === 'rejected');
    expect(confirmed).toHaveLength(16);
    expect(rejected).toHaveLength(14);
    // Every stock refusal names what is short, with the figures.
    expect(new Set(rejected.map((a) => a.reason))).toEqual(new Set([`cannot reserve 1 × ${bicycle.code} from ${warehouseCode}: 0 available (16 on hand, 16 reserved)`]));
    expect(lowest).toBeGreaterThanOrEqual(0);
    expect(await stock()).toMatchObject({ onHand: 16, reserved: 16, available: 0 });
  });

  it('6. a retried pledge is not recorded twice; bad bodies get 400 naming each field; an unknown pledge on a receipt publishes nothing', async () => {
    const retry = await api().post('/api/donors/pledges').set('Idempotency-Key', pledgeKey).send(pledgeBody);
    expect([200, 201]).toContain(retry.status);
    expect(retry.body.id).toBe(pledgeId);

    const bad = await api().post('/api/donors/pledges').set('Idempotency-Key', randomUUID())
      .send({ donorId: 'not-a-uuid', lines: [{ itemCode: bicycle.code, quantity: -3, unitValueVnd: 1.5 }] })
      .expect(400);
    const messages: string = bad.body.message.join('\n');
    for (const field of ['donorId', 'lines.0.quantity', 'lines.0.unitValueVnd']) expect(messages).toContain(field);

    const before = await inventoryEventsOnTopic();
    const unknown = randomUUID();
    const refused = await api().post('/api/inventory/receipts').send({ pledgeId: unknown, warehouseCode, lines: [{ itemCode: bicycle.code, quantity: 1 }] });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(JSON.stringify(refused.body)).toContain(unknown);
    await sleep(2_000); // a relay would have published by now
    expect(await inventoryEventsOnTopic()).toBe(before);
    expect(await stock()).toMatchObject({ onHand: 16 });

    // Still one pledge of 20 bicycles, as the report built from the stream shows.
    expect(bicyclesIn(await monthly())).toMatchObject({ pledgedQty: 20, pledgedValueVnd: 36_000_000 });
  });

  it('7. restarting reporting and replaying from the beginning gives the same monthly figures', async () => {
    const before = await monthly();
    const traceBefore = (await api().get(`/api/reporting/reports/pledges/${pledgeId}/trace`).expect(200)).body;
    await system.restart('reporting');
    const started = await api().post('/api/reporting/admin/rebuild').expect(202);
    await waitFor('the replay to finish', async () => {
      const { body } = await api().get('/api/reporting/admin/rebuild').expect(200);
      return body.status === 'done' && body.generation === started.body.generation;
    }, 120_000, 500);
    expect(await monthly()).toEqual(before);
    expect((await api().get(`/api/reporting/reports/pledges/${pledgeId}/trace`).expect(200)).body).toEqual(traceBefore);
  });
  it('8. a plan for the campaign: four children in Nga Nam ranked by need, three backpacks in stock, the three most in need get one', async () => {
    const backpack = ITEMS.backpack;
    await api().post('/api/inventory/items').send(backpack).expect(answers(201));
    const pledge = (await api().post('/api/donors/pledges').set('Idempotency-Key', randomUUID())
      .send({ donorId, campaignId, lines: [{ itemCode: backpack.code, quantity: 3, unitValueVnd: backpack.unitValueVnd }] }).expect(answers(201))).body;
    await api().post('/api/inventory/receipts').send({ pledgeId: pledge.id, warehouseCode, lines: [{ itemCode: backpack.code, quantity: 3 }] }).expect(answers(201));

    const ngaNam = DISTRICTS.ngaNam.code;
    const child = async (fullName: string, circumstances: string[]) => (await api().post('/api/beneficiaries/children').send({
      fullName: sent(fullName), birthDate: '2015-09-01', sex: 'female', districtCode: ngaNam, communeCode: `${ngaNam}07`, circumstances,
      guardianName: sent(`Mẹ của ${fullName}`), guardianPhone: sent(`+84 91 555 ${fullName.length}${fullName.length}`),
    }).expect(answers(201))).body.id as string;
    const poor = await child('Đỗ Thị Nghèo', ['poor_household']);
    const minority = await child('Thạch Thị Sô Phi', ['ethnic_minority']);
    const neediest = await child('Nguyễn Thị Khó', ['orphan', 'disabled']);
    const orphan = await child('Lâm Thị Mồ Côi', ['orphan']);

    const { body: draft } = await api().post('/api/beneficiaries/allocation-plans').send({
      campaignId, name: 'Backpacks for Nga Nam', warehouseCode, lines: [{ itemCode: backpack.code, quantity: 1 }], criteria: { districtCodes: [ngaNam] },
    }).expect(answers(201));
    expect(draft.roster.map((r: { beneficiaryId: string }) => r.beneficiaryId)).toEqual([neediest, orphan, poor, minority]);
    expect(draft).toMatchObject({ status: 'draft', willReceive: 3, willWait: 1, stock: [{ itemCode: backpack.code, available: 3, needed: 4 }] });

    await api().post(`/api/beneficiaries/allocation-plans/${draft.id}/commit`).expect(answers(202));
    const done = await waitFor('the plan to be confirmed by inventory', async () => {
      const { body } = await api().get(`/api/beneficiaries/allocation-plans/${draft.id}`).expect(answers(200));
      return body.progress.confirmed === 3 && body;
    }, 60_000, 250);
    expect(done.roster.map((r: { status: string }) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waiting']);
    const { body: levels } = await api().get(`/api/inventory/stock?itemCode=${backpack.code}&warehouseCode=${warehouseCode}`).expect(answers(200));
    expect(levels[0]).toMatchObject({ onHand: 3, reserved: 3, available: 0 });

    const sheet = await api().get(`/api/beneficiaries/allocation-plans/${draft.id}/roster?format=csv`).expect(answers(200));
    const rows = sheet.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows.map((r: string) => r.split(',').slice(0, 2).join(','))).toEqual(['Rank,Name', '1,Nguyễn Thị Khó', '2,Lâm Thị Mồ Côi', '3,Đỗ Thị Nghèo']);

    // The names stay in beneficiaries: nothing it published carries them.
    const published = await system.messagesOn('beneficiaries');
    for (const personal of ['Nguyễn Thị Khó', 'Lâm Thị Mồ Côi', 'Đỗ Thị Nghèo', 'Thạch Thị Sô Phi', 'Mẹ của', 'Child 1', 'Guardian', '2015-09-01']) {
      expect(published.filter((raw) => raw.includes(personal))).toEqual([]);
    }
  });

  it('9. no event of the run, on any of the three topics, carries a name, a guardian, a phone or a free-text note the journey sent', async () => {
    const values: { topic: string; value: string }[] = [];
    for (const topic of ['donors', 'inventory', 'beneficiaries'] satisfies Publisher[]) {
      values.push(...(await system.messagesOn(topic)).map((value) => ({ topic, value })));
    }
    expect(values.length).toBeGreaterThan(100); // the whole run: pledges, receipts, 40 allocations, deliveries, a plan
    const strings = [...personal].flatMap((p) => (/^\+?[\d .-]+$/.test(p) ? [p, p.replace(/\D/g, '')] : [p])); // a phone also without its spaces
    expect(strings).toEqual(expect.arrayContaining(['Child 1', 'Guardian 1', '0912 345 001', '0912345001', 'Nguyen Thi Hoa', 'family moved', 'Nguyễn Thị Khó']));
    const leaks = strings.flatMap((p) => values.filter(({ value }) => value.includes(p) || value.includes(JSON.stringify(p).slice(1, -1))).map(({ topic, value }) => ({ p, topic, value })));
    expect(leaks).toEqual([]);
  });
  it('10. roles through the gateway: a volunteer sees only their warehouse\'s deliveries and no pledges, a viewer only reports; the console\'s cookie session needs its CSRF token to write', async () => {
    const volunteer = await signInNewUser(gateway, admin, 'warehouse_volunteer', { warehouseCodes: [warehouseCode] });
    const elsewhere = await signInNewUser(gateway, admin, 'warehouse_volunteer', { warehouseCodes: ['ELSEWHERE'] });
    const viewer = await signInNewUser(gateway, admin, 'viewer');
    const as = (who: SignedIn) => request.agent(gateway).set('Authorization', who.authorization);

    const mine = (await as(volunteer).get('/api/inventory/deliveries?pageSize=200').expect(answers(200))).body;
    expect(mine.total).toBeGreaterThan(0);
    expect(new Set(mine.items.map((d: { warehouseCode: string }) => d.warehouseCode))).toEqual(new Set([warehouseCode]));
    expect((await as(elsewhere).get('/api/inventory/deliveries').expect(answers(200))).body.total).toBe(0);
    await as(elsewhere).get(`/api/inventory/deliveries?warehouseCode=${warehouseCode}`).expect(answers(403));
    await as(elsewhere).get(`/api/inventory/deliveries/${mine.items[0].allocationId}`).expect(answers(403));
    await as(volunteer).get('/api/donors/pledges').expect(answers(403));
    await as(viewer).get(`/api/reporting/reports/monthly?month=${month}`).expect(answers(200));
    await as(viewer).post('/api/donors/donors').send(DONORS.navy).expect(answers(403));
    await request(gateway).get('/api/inventory/deliveries').expect(answers(401));

    const login = await request(gateway).post('/api/auth/login').send({ email: 'admin@giftflow.local', password: TEST_ADMIN_PASSWORD }).expect(answers(200));
    const cookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);
    const csrf = cookies.find((c) => c.startsWith('giftflow_csrf='))!.split('=')[1]!;
    const viaConsole = () => request.agent(gateway).set('Cookie', cookies.join('; '));
    await viaConsole().get(`/api/inventory/stock?warehouseCode=${warehouseCode}`).expect(answers(200));
    const warehouse = { code: 'CSRF-CHECK', name: 'Kho kiểm tra', districtCode: DISTRICTS.ngaNam.code };
    await viaConsole().post('/api/inventory/warehouses').send(warehouse).expect(answers(403));
    await viaConsole().post('/api/inventory/warehouses').set('X-CSRF-Token', csrf).send(warehouse).expect(answers(201));
  });
});
