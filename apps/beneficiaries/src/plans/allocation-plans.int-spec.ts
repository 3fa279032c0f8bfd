import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { CampaignClosedV1, LotQuantity, StockReservationRejectedV1, StockReservedV1 } from '@giftflow/contracts';
import { testBearer, waitFor } from '@giftflow/testing';
import { BeneficiariesTestKit } from '../../test/beneficiaries-test-kit';

/**
 * Issue #9: "a backpack for every eligible child in Long Phu and Tran De, most in need first, while stock lasts".
 * inventory's stock answer is played by a small HTTP server, its saga events by its topic.
 */
describe('allocation plans', () => {
  let kit: BeneficiariesTestKit;
  let inventory: http.Server;
  const available = new Map<string, number>([['backpack', 3]]);
  let inventoryUp = true;
  let campaignId: string;
  const on = '2026-06-10';

  beforeAll(async () => {
    inventory = http.createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      if (!inventoryUp || url.pathname !== '/stock') return void res.writeHead(500).end();
      const itemCode = url.searchParams.get('itemCode')!;
      const warehouseCode = url.searchParams.get('warehouseCode')!;
      const n = available.get(itemCode);
      const body = n === undefined ? [] : [{ itemCode, warehouseCode, onHand: n + 2, reserved: 2, available: n }];
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => inventory.listen(0, '127.0.0.1', resolve));
    kit = await BeneficiariesTestKit.start('giftflow_test_beneficiaries_plans', { INVENTORY_URL: `http://127.0.0.1:${(inventory.address() as AddressInfo).port}` });
    await kit.registerItem('backpack', 'backpacks');
    await kit.registerItem('notebook-set', 'school_supplies');
    campaignId = await kit.openCampaign({ name: 'Month of Action 2026', startsOn: '2026-06-01', endsOn: '2026-06-30', districtCodes: ['946', '951'], eligibility: { ageMax: 15 } });
  });
  afterAll(async () => {
    await kit?.close();
    await new Promise((resolve) => inventory?.close(resolve));
  });

  const child = (fullName: string, circumstances: string[], overrides: Record<string, unknown> = {}) =>
    kit.registerChild({ fullName, circumstances, districtCode: '946', communeCode: '31471', birthDate: '2014-05-20', guardianName: `Guardian of ${fullName}`, ...overrides });
  const preview = (body: Record<string, unknown> = {}) => kit.api().post('/allocation-plans').send({
    campaignId, name: 'Backpacks for Long Phu and Tran De', warehouseCode: 'ST-FUND', lines: [{ itemCode: 'backpack', quantity: 1 }],
    criteria: { districtCodes: ['946', '951'], communeCodes: ['31471', '31472'] }, allocatedOn: on, ...body,
  });
  const lots = (itemCode: string): LotQuantity[] => [{ itemCode, quantity: 1, lotId: randomUUID(), pledgeId: randomUUID(), warehouseCode: 'ST-FUND', unitValueVnd: 250_000 }];

  it('previews against too little stock, ranks by need, commits what fits, freezes the roster, and follows progress', async () => {
    // Registered in this order; the ranking must not follow it.
    const poorest = await child('Đỗ Văn Nghèo', ['poor_household']); // 3
    const gifted = await child('Lâm Thị Được', ['orphan']); // 5, but a gift in the last 12 months
    const minority = await child('Thạch Sô Phi', ['ethnic_minority']); // 1
    const alone = await child('Trần Mồ Côi', ['orphan']); // 5, no gift
    const neediest = await child('Nguyễn Văn Khó', ['orphan', 'disabled'], { districtCode: '951', communeCode: '31472' }); // 9
    const tooOld = await child('Kim Văn Lớn', ['orphan'], { birthDate: '2010-01-01' }); // 16 on the plan's date
    const holder = await child('Lý Thị Có', ['orphan']); // already has a backpack in the campaign
    await child('Ngoài Vùng', ['orphan'], { districtCode: '941', communeCode: '31001' }); // outside the criteria: not considered
    await kit.api().post('/allocations').send({ beneficiaryId: gifted, lines: [{ itemCode: 'notebook-set', quantity: 1 }], allocatedOn: '2026-01-15' }).expect(202);
    await kit.api().post('/allocations').send({ beneficiaryId: holder, campaignId, lines: [{ itemCode: 'backpack', quantity: 1 }], allocatedOn: '2026-06-02' }).expect(202);

    const { body: draft } = await preview().set('Authorization', await testBearer({ id: 'officer-lan' })).expect(201);
    expect(draft).toMatchObject({ id: expect.any(String), status: 'draft', willReceive: 3, willWait: 2, stock: [{ itemCode: 'backpack', available: 3, needed: 5 }] });
    expect(draft.roster.map((r: { beneficiaryId: string; rank: number; needScore: number }) => [r.rank, r.beneficiaryId, r.needScore])).toEqual([
      [1, neediest, 9], [2, alone, 5], [3, gifted, 5], [4, poorest, 3], [5, minority, 1],
    ]);
    expect(draft.roster[0]).toMatchObject({ reasons: ['orphan +5', 'disabled +4'], allocationId: null, status: null });
    expect(draft.excluded).toEqual(expect.arrayContaining([{ beneficiaryId: tooOld, reason: 'age' }, { beneficiaryId: holder, reason: 'already_received' }]));
    expect(draft.excluded).toHaveLength(2);
    expect((await kit.outbox('AllocationRequested')).filter((e) => e.payload.planId === draft.id)).toEqual([]);

    const { body: committed } = await kit.api().post(`/allocation-plans/${draft.id}/commit`).expect(202);
    expect(committed).toMatchObject({ status: 'committed', willReceive: 3, willWait: 2, progress: { requested: 3, confirmed: 0 } });
    expect(committed.roster.map((r: { status: string }) => r.status)).toEqual(['requested', 'requested', 'requested', 'waiting', 'waiting']);
    const requested = (await kit.outbox('AllocationRequested')).filter((e) => e.payload.planId === draft.id);
    expect(requested.map((e) => e.payload.beneficiaryId)).toEqual([neediest, alone, gifted]);
    expect(requested[0].payload).toMatchObject({ campaignId, allocatedOn: on, warehouseCode: 'ST-FUND', lines: [{ itemCode: 'backpack', quantity: 1 }] });
    await kit.api().post(`/allocation-plans/${draft.id}/commit`).expect(409);

    // The registry changes afterwards; the plan does not.
    await kit.api().patch(`/children/${minority}`).send({ circumstances: ['orphan', 'disabled', 'street_child'] }).expect(200);
    await kit.api().patch(`/children/${neediest}`).send({ fullName: 'Nguyễn Văn Khá' }).expect(200);
    const [first, second] = committed.roster.map((r: { allocationId: string }) => r.allocationId);
    await kit.send(kit.envelope(StockReservedV1, first, { allocationId: first, lines: lots('backpack') }));
    await kit.send(kit.envelope(StockReservationRejectedV1, second, { allocationId: second, reason: 'insufficient stock', shortages: [] }));
    const later = await waitFor('the plan to show one confirmed, one rejected', async () => {
      const { body } = await kit.api().get(`/allocation-plans/${draft.id}`).expect(200);
      return body.progress.confirmed === 1 && body.progress.rejected === 1 && body;
    });
    expect(later.progress).toEqual({ requested: 1, confirmed: 1, rejected: 1, dispatched: 0, delivered: 0, failed: 0, cancelled: 0 });
    expect(later.roster.map((r: { beneficiaryId: string; rank: number; needScore: number; status: string }) => [r.rank, r.beneficiaryId, r.needScore, r.status])).toEqual([
      [1, neediest, 9, 'confirmed'], [2, alone, 5, 'rejected'], [3, gifted, 5, 'requested'], [4, poorest, 3, 'waiting'], [5, minority, 1, 'waiting'],
    ]);
    expect((await kit.api().get(`/allocations?planId=${draft.id}`).expect(200)).body.total).toBe(3);

    // The tick-off sheet: the names as frozen, rejected allocations left off.
    const csv = await kit.api().get(`/allocation-plans/${draft.id}/roster?format=csv`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['cache-control']).toBe('no-store');
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')).toEqual([
      'Rank,Name,Birth year,Commune,Guardian,Gift,Signature',
      '1,Nguyễn Văn Khó,2014,31472,Guardian of Nguyễn Văn Khó,backpack × 1,',
      '3,Lâm Thị Được,2014,31471,Guardian of Lâm Thị Được,backpack × 1,',
      '',
    ]);
    const pdf = await kit.api().get(`/allocation-plans/${draft.id}/roster?format=pdf`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    await kit.api().get(`/allocation-plans/${draft.id}/roster?format=xls`).expect(400);
  });

  it('caps the roster at maxBeneficiaries, the rest excluded as such', async () => {
    available.set('backpack', 100);
    const { body } = await preview({ criteria: { districtCodes: ['946'], communeCodes: ['31471'] }, maxBeneficiaries: 1 }).expect(201);
    expect(body.roster).toHaveLength(1);
    expect(body.willReceive).toBe(1);
    expect(body.excluded.filter((e: { reason: string }) => e.reason === 'max_beneficiaries').length).toBeGreaterThan(0);
  });

  it('refuses a plan outside the campaign dates or for a closed campaign (422 with its rule), and answers 503 without inventory', async () => {
    expect((await preview({ allocatedOn: '2026-05-31' }).expect(422)).body.rule).toBe('outside_dates');
    inventoryUp = false;
    expect((await preview().expect(503)).body.message).toContain('inventory did not say');
    inventoryUp = true;
    const { body: draft } = await preview().expect(201);
    await kit.handled(await kit.publish(CampaignClosedV1, campaignId, { campaignId, closedAt: new Date().toISOString() }));
    expect((await preview().expect(422)).body.rule).toBe('campaign_closed');
    expect((await kit.api().post(`/allocation-plans/${draft.id}/commit`).expect(422)).body.rule).toBe('campaign_closed');
    await kit.api().get(`/allocation-plans/${randomUUID()}`).expect(404);
    await kit.api().post(`/allocation-plans/${randomUUID()}/commit`).expect(404);
  });
});
