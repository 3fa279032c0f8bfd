import ExcelJS from 'exceljs';
import { Kafka } from 'kafkajs';
import { ServiceTestApp, publishEnvelopes, startServiceForTest, testKafka, uniquePrefix, waitFor } from '@giftflow/testing';
import { ReportingModule } from '../reporting.module';
import { waitUntilProjected } from '../testing/bicycle-story.fixture';
import { CITY, LONG_PHU, TRAN_DE, provinceStory } from '../testing/province-story.fixture';
import { sectionsOf } from './export/report-export';

/** Every report on one known half-year (testing/province-story.fixture.ts), against the real broker and database. */
describe('reports on the province story', () => {
  const prefix = uniquePrefix('reporting-story');
  const story = provinceStory();
  const { ids } = story;
  let service: ServiceTestApp;
  let kafka: Kafka;

  const get = async (path: string) => (await service.api().get(path).expect(200)).body;
  const summary = (query: string) => get(`/reports/summary?${query}`);
  const JUNE = 'from=2026-06-01&to=2026-06-30';
  const H1 = 'from=2026-01-01&to=2026-06-30';
  /** Before A7's late delivery was synced (3 July) and before C3's duplicate was merged (20 June). */
  const PRINTED_ON_1_JULY = '2026-07-01T00:00:00.000Z';
  const BEFORE_MERGE = '2026-06-15T00:00:00.000Z';
  let printedBeforeLateSync: unknown;

  beforeAll(async () => {
    service = await startServiceForTest('reporting', ReportingModule, { database: 'giftflow_test_reporting_story', topicPrefix: prefix });
    kafka = testKafka();
    await publishEnvelopes(kafka, prefix, story.events);
    await waitUntilProjected(kafka, prefix);
    printedBeforeLateSync = await summary(`${JUNE}&asOf=${PRINTED_ON_1_JULY}`);
    await publishEnvelopes(kafka, prefix, story.late);
    await waitUntilProjected(kafka, prefix);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('sums June by business dates: an amended pledge at its new lines, a cancelled one not at all, a rejected allocation not allocated', async () => {
    const june = await summary(JUNE);
    expect(june).toMatchObject({ from: '2026-06-01', to: '2026-06-30', asOf: null });
    expect(june.totals).toEqual({
      pledgedQty: 6, pledgedValueVnd: 1_500_000, receivedQty: 16, receivedValueVnd: 4_000_000, allocatedQty: 11, deliveredQty: 11,
      deliveredValueVnd: 6_100_000, returnedQty: 1, childrenReached: 3, institutionsReached: 1,
      sponsorships: { active: 1, childrenSponsored: 1, instalmentsPaidVnd: 0 },
    });
    expect(june.byCategory).toEqual([
      { category: 'backpacks', unit: 'piece', service: false, pledgedQty: 6, pledgedValueVnd: 1_500_000, receivedQty: 16, receivedValueVnd: 4_000_000,
        allocatedQty: 7, deliveredQty: 8, deliveredValueVnd: 2_000_000, returnedQty: 1, childrenReached: 2, institutionsReached: 1 },
      { category: 'bicycles', unit: 'piece', service: false, pledgedQty: 0, pledgedValueVnd: 0, receivedQty: 0, receivedValueVnd: 0,
        allocatedQty: 3, deliveredQty: 2, deliveredValueVnd: 3_600_000, returnedQty: 0, childrenReached: 2, institutionsReached: 0 },
      { category: 'health_screening', unit: 'examination', service: true, pledgedQty: 0, pledgedValueVnd: 0, receivedQty: 0, receivedValueVnd: 0,
        allocatedQty: 1, deliveredQty: 1, deliveredValueVnd: 500_000, returnedQty: 0, childrenReached: 1, institutionsReached: 0 },
    ]);
  });

  it('counts each child once per row and in total: across categories, and a merged record as the child it was merged into', async () => {
    const june = await summary(JUNE);
    expect(june.byDistrict).toEqual([
      { districtCode: CITY, deliveredQty: 5, deliveredValueVnd: 1_250_000, childrenReached: 0, institutionsReached: 1 },
      { districtCode: LONG_PHU, deliveredQty: 5, deliveredValueVnd: 3_050_000, childrenReached: 2, institutionsReached: 0 },
      { districtCode: TRAN_DE, deliveredQty: 1, deliveredValueVnd: 1_800_000, childrenReached: 1, institutionsReached: 0 },
    ]);
    expect(june.byCommune).toEqual([
      { communeCode: '94601', deliveredQty: 3, deliveredValueVnd: 2_550_000, childrenReached: 1, institutionsReached: 0 },
      { communeCode: '94602', deliveredQty: 2, deliveredValueVnd: 500_000, childrenReached: 1, institutionsReached: 0 },
      { communeCode: '95101', deliveredQty: 1, deliveredValueVnd: 1_800_000, childrenReached: 1, institutionsReached: 0 },
    ]);
    expect(june.byCircumstance).toEqual([
      { circumstance: 'disabled', childrenReached: 1 }, { circumstance: 'orphan', childrenReached: 1 }, { circumstance: 'poor_household', childrenReached: 3 },
    ]);
    expect(june.bySex).toEqual([{ sex: 'female', childrenReached: 2 }, { sex: 'male', childrenReached: 1 }]);
    expect(june.byAgeBand).toEqual([
      { band: '6-10', childrenReached: 1 }, { band: '11-15', childrenReached: 1 }, { band: '16-17', childrenReached: 1 },
    ]);
    // Before the merge was recorded, the duplicate record was a child of its own.
    expect((await summary(`${JUNE}&asOf=${BEFORE_MERGE}`)).totals.childrenReached).toBe(3); // C1, C3, C3's duplicate (C2's June gift came later)
  });

  it('counts a child reached in May and June once in the half-year', async () => {
    expect((await summary('from=2026-05-01&to=2026-05-31')).totals).toMatchObject({ deliveredQty: 1, childrenReached: 1 });
    const half = await summary(H1);
    expect(half.totals).toMatchObject({
      pledgedQty: 21, deliveredQty: 12, childrenReached: 3, institutionsReached: 1,
      sponsorships: { active: 2, childrenSponsored: 2, instalmentsPaidVnd: 2_500_000 },
    });
    expect(half.sponsorshipsByMonthlyAmount).toEqual([{ monthlyAmountVnd: 500_000, active: 2, childrenSponsored: 2 }]);
  });

  it('places each campaign with activity in the period, filters by campaign and by district', async () => {
    const june = await summary(JUNE);
    expect(june.byCampaign).toEqual(expect.arrayContaining([
      { campaignId: ids.monthOfAction, name: 'Tháng hành động vì trẻ em 2026', kind: 'month_of_action', pledgedQty: 0, allocatedQty: 4,
        deliveredQty: 4, deliveredValueVnd: 2_550_000, childrenReached: 3, institutionsReached: 0 },
      { campaignId: ids.dialogue, name: 'Dialogue with children 2026', kind: 'dialogue', pledgedQty: 0, allocatedQty: 5,
        deliveredQty: 5, deliveredValueVnd: 1_250_000, childrenReached: 0, institutionsReached: 1 },
    ]));
    expect(june.byCampaign).toHaveLength(2);
    expect((await summary(`${JUNE}&campaignId=${ids.monthOfAction}`)).totals).toMatchObject({ receivedQty: 10, allocatedQty: 4, deliveredQty: 4, childrenReached: 3 });
    expect((await summary(`${JUNE}&districtCode=${TRAN_DE}`)).totals).toMatchObject({ pledgedQty: 0, receivedQty: 0, deliveredQty: 1, childrenReached: 1 });
  });

  it('places a late delivery in its own month; an as-of report is unchanged by events recorded after its instant', async () => {
    expect((await get('/reports/monthly?month=2026-06')).totals).toMatchObject({ deliveredQty: 11, childrenReached: 3 });
    expect((await get('/reports/monthly?month=2026-07')).totals).toMatchObject({ deliveredQty: 0, childrenReached: 0 });
    const asOf = await summary(`${JUNE}&asOf=${PRINTED_ON_1_JULY}`);
    expect(asOf).toEqual(printedBeforeLateSync);
    expect(asOf.asOf).toBe(PRINTED_ON_1_JULY);
    expect(asOf.totals).toMatchObject({ deliveredQty: 10, deliveredValueVnd: 4_300_000, childrenReached: 2 });
  });

  it('counts the monthly report exactly as the summary', async () => {
    const monthly = await get('/reports/monthly?month=2026-06');
    const june = await summary(JUNE);
    const pick = ({ pledgedQty, pledgedValueVnd, receivedQty, allocatedQty, deliveredQty, deliveredValueVnd, childrenReached, institutionsReached }: Record<string, number>) =>
      ({ pledgedQty, pledgedValueVnd, receivedQty, allocatedQty, deliveredQty, deliveredValueVnd, childrenReached, institutionsReached });
    expect(monthly.totals).toEqual(pick(june.totals));
    expect(monthly.byCategory).toEqual(june.byCategory.map((c: Record<string, number> & { category: string }) => ({ category: c.category, ...pick(c) })));
  });

  it('GET /reports/campaigns/:id: targets against requested, committed, dispatched, delivered', async () => {
    const report = await get(`/reports/campaigns/${ids.monthOfAction}`);
    expect(report).toMatchObject({
      campaignId: ids.monthOfAction, name: 'Tháng hành động vì trẻ em 2026', kind: 'month_of_action', startsOn: '2026-05-15', endsOn: '2026-06-30',
      closedAt: null, districtCodes: [LONG_PHU, TRAN_DE], childrenReached: 3, institutionsReached: 0, deliveredValueVnd: 2_800_000,
    });
    expect(report.targets).toEqual([
      { category: 'backpacks', unit: 'piece', target: 10, requested: 4, committed: 4, dispatched: 4, delivered: 4 },
      { category: 'bicycles', unit: 'piece', target: 5, requested: 2, committed: 2, dispatched: 2, delivered: 1 },
    ]);
    expect(report.byDistrict).toEqual([
      { districtCode: LONG_PHU, requested: 4, committed: 4, dispatched: 4, delivered: 3, deliveredValueVnd: 750_000, childrenReached: 2, institutionsReached: 0 },
      { districtCode: TRAN_DE, requested: 2, committed: 2, dispatched: 2, delivered: 2, deliveredValueVnd: 2_050_000, childrenReached: 1, institutionsReached: 0 },
    ]);
    await service.api().get('/reports/campaigns/7f1d7c4e-0000-4000-8000-000000000000').expect(404);
  });

  it('GET /reports/donors/:id/statement: where the donor\'s gifts went, pledge by pledge', async () => {
    const statement = await get(`/reports/donors/${ids.donorA}/statement?${H1}`);
    expect(statement.totals).toEqual({
      pledgedQty: 15, pledgedValueVnd: 11_500_000, receivedQty: 15, receivedValueVnd: 11_500_000, deliveredQty: 6, deliveredValueVnd: 4_600_000,
      childrenReached: 3, institutionsReached: 0, instalmentsPaidVnd: 2_000_000,
    });
    expect(statement.pledges).toEqual([expect.objectContaining({
      pledgeId: ids.p1, pledgedOn: '2026-05-20', campaignId: ids.monthOfAction, cancelledAt: null, closedAt: null, walkIn: false,
      childrenReached: 3, institutionsReached: 0, pledgedQty: 15, deliveredQty: 6,
      byCategory: [
        { category: 'backpacks', unit: 'piece', pledgedQty: 10, pledgedValueVnd: 2_500_000, receivedQty: 10, receivedValueVnd: 2_500_000, deliveredQty: 4, deliveredValueVnd: 1_000_000 },
        { category: 'bicycles', unit: 'piece', pledgedQty: 5, pledgedValueVnd: 9_000_000, receivedQty: 5, receivedValueVnd: 9_000_000, deliveredQty: 2, deliveredValueVnd: 3_600_000 },
      ],
    })]);
    expect(statement.byDistrict).toEqual([
      { districtCode: LONG_PHU, category: 'backpacks', deliveredQty: 3, deliveredValueVnd: 750_000, childrenReached: 2, institutionsReached: 0 },
      { districtCode: LONG_PHU, category: 'bicycles', deliveredQty: 1, deliveredValueVnd: 1_800_000, childrenReached: 1, institutionsReached: 0 },
      { districtCode: TRAN_DE, category: 'backpacks', deliveredQty: 1, deliveredValueVnd: 250_000, childrenReached: 1, institutionsReached: 0 },
      { districtCode: TRAN_DE, category: 'bicycles', deliveredQty: 1, deliveredValueVnd: 1_800_000, childrenReached: 1, institutionsReached: 0 },
    ]);
    expect(statement.sponsorships).toEqual([expect.objectContaining({ sponsorshipId: ids.s1, monthlyAmountVnd: 500_000, paidVnd: 2_000_000, instalments: 4 })]);
    expect(JSON.stringify(statement)).not.toContain(ids.c1); // no child's id, let alone their data
    const donorB = await get(`/reports/donors/${ids.donorB}/statement?${H1}`);
    expect(donorB.totals).toMatchObject({ pledgedQty: 6, deliveredQty: 5, institutionsReached: 1, childrenReached: 0 });
  });

  it('GET /reports/sponsorships?month=: due, paid and arrears per sponsorship', async () => {
    const ledger = await get('/reports/sponsorships?month=2026-06');
    expect(ledger.totals).toEqual({ sponsorships: 2, children: 2, dueVnd: 500_000, paidVnd: 0, arrearsVnd: 1_500_000 });
    const byId = Object.fromEntries(ledger.sponsorships.map((s: { sponsorshipId: string }) => [s.sponsorshipId, s]));
    expect(byId[ids.s1]).toMatchObject({ beneficiaryId: ids.c2, status: 'active', dueVnd: 500_000, paidVnd: 0, arrearsVnd: 1_000_000, lastMonth: '2026-12' });
    expect(byId[ids.s2]).toMatchObject({ beneficiaryId: ids.c1, status: 'cancelled', dueVnd: 0, paidVnd: 0, arrearsVnd: 500_000, lastMonth: '2026-04' });
    expect((await get('/reports/sponsorships?month=2026-03')).totals).toEqual({ sponsorships: 2, children: 2, dueVnd: 1_000_000, paidVnd: 1_000_000, arrearsVnd: 0 });
  });

  it('exports the summary, the month and the campaign as CSV (UTF-8, BOM) and XLSX that read back equal to the JSON', async () => {
    for (const [path, name] of [[`/reports/summary?${JUNE}`, 'summary'], ['/reports/monthly?month=2026-06', 'monthly'], [`/reports/campaigns/${ids.monthOfAction}`, 'campaign']]) {
      const json = await get(path);
      const expected = sectionsOf(name, json).map((s) => ({ name: s.name, columns: s.columns, rows: s.rows.map((r) => s.columns.map((c) => r[c] ?? null)) }));

      const csv = await service.api().get(`${path}${path.includes('?') ? '&' : '?'}format=csv`).buffer(true).parse(binary as never).expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const bytes = csv.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(readCsv(bytes.toString('utf8').slice(1))).toEqual(expected.map((s) => ({ ...s, rows: s.rows.map((r) => r.map((v) => (v === null ? '' : String(v)))) })));

      const xlsx = await service.api().get(path).set('Accept', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').buffer(true).parse(binary as never).expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as Buffer);
      expect(workbook.worksheets.map((sheet) => {
        const rows = sheet.getSheetValues().slice(1) as unknown[][];
        return { name: sheet.name, columns: rows[0].slice(1), rows: rows.slice(1).map((r) => r.slice(1)) };
      })).toEqual(expected.map((s) => ({ ...s, rows: s.rows.map((r) => trimNulls(r)) })));
    }
    expect(JSON.stringify(await summary(JUNE))).toContain('Tháng hành động'); // and the Vietnamese name survives in the CSV above
  });

  it('the half-year document, in Vietnamese by default and in English, carries the summary\'s figures', async () => {
    const half = await summary(H1);
    const text = async (query: string) => {
      const response = await service.api().get(`/reports/documents/half-year?year=2026&half=1${query}`).expect(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      return response.text;
    };
    const vi = await text('');
    const en = await text('&lang=en');
    const viN = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
    const enN = (n: number) => new Intl.NumberFormat('en-US').format(n);
    expect(vi).toContain('<html lang="vi">');
    expect(vi).toContain('Báo cáo kết quả hoạt động 6 tháng đầu năm 2026');
    expect(en).toContain('Report on the first six months of 2026');
    // Gifts: every category given out, count and value.
    expect(vi).toContain(`trao tặng ${viN(9)} ba lô và ${viN(2)} xe đạp cho trẻ em`);
    expect(en).toContain(`to give ${enN(9)} backpacks and ${enN(2)} bicycles to children`);
    expect(vi).toContain(`Tổng giá trị quà đã trao: ${viN(half.totals.deliveredValueVnd)} đồng.`);
    expect(en).toContain(`Total value of the gifts given: ${enN(half.totals.deliveredValueVnd)} VND.`);
    for (const c of half.byCategory) {
      if (c.deliveredQty === 0) continue;
      expect(vi).toContain(`<td class="n">${viN(c.deliveredQty)}</td><td class="n">${viN(c.deliveredValueVnd)}</td>`);
      expect(en).toContain(`<td class="n">${enN(c.deliveredQty)}</td><td class="n">${enN(c.deliveredValueVnd)}</td>`);
    }
    // Children in total and per campaign, institutions, the event with its gifts.
    expect(vi).toContain(`Tổng cộng ${half.totals.childrenReached} trẻ em được hỗ trợ (mỗi em chỉ tính một lần) và ${half.totals.institutionsReached} cơ sở`);
    expect(en).toContain(`In total ${half.totals.childrenReached} children were supported (each child counted once) and ${half.totals.institutionsReached} institutions`);
    const moa = half.byCampaign.find((c: { kind: string }) => c.kind === 'month_of_action');
    expect(vi).toContain(`Nhân dịp Tháng hành động vì trẻ em 2026, đã hỗ trợ ${moa.childrenReached} trẻ em với ${moa.deliveredQty} suất quà, trị giá ${viN(moa.deliveredValueVnd)} đồng.`);
    expect(en).toContain(`${moa.childrenReached} children were supported with ${moa.deliveredQty} gifts worth ${enN(moa.deliveredValueVnd)} VND.`);
    expect(vi).toContain('Tại chương trình &quot;Dialogue with children 2026&quot;, Quỹ đã trao 5 suất quà cho 0 trẻ em và 1 cơ sở.');
    expect(en).toContain('At the programme &quot;Dialogue with children 2026&quot;, the Fund presented 5 gifts to 0 children and 1 institutions.');
    // Sponsored children and their monthly amount; services given.
    expect(vi).toContain(`${half.totals.sponsorships.childrenSponsored} trẻ em được nhận đỡ đầu với mức ${viN(500_000)} đồng/tháng/trẻ.`);
    expect(en).toContain(`${half.totals.sponsorships.childrenSponsored} children were sponsored with an amount of ${enN(500_000)} VND/month/child.`);
    expect(vi).toContain('1 lượt khám sàng lọc cho 1 trẻ em.');
    expect(en).toContain('1 health screenings for 1 children.');
    // A table per district.
    for (const d of half.byDistrict) {
      const row = (n: (v: number) => string) => `${n(d.deliveredQty)}</td><td class="n">${n(d.deliveredValueVnd)}</td><td class="n">${n(d.childrenReached)}</td><td class="n">${n(d.institutionsReached)}</td>`;
      expect(vi).toContain(`(${d.districtCode})</td><td class="n">${row(viN)}`);
      expect(en).toContain(`(${d.districtCode})</td><td class="n">${row(enN)}`);
    }
    expect(vi).toContain('Long Phú (946)');
  });

  it('the half-year document as a PDF with a font that has the Vietnamese glyphs; 400 for a half or language it has not', async () => {
    for (const lang of ['vi', 'en']) {
      const pdf = await service.api().get(`/reports/documents/half-year?year=2026&half=1&lang=${lang}&format=pdf`).buffer(true).parse(binary as never).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const bytes = pdf.body as Buffer;
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
      expect(bytes.length).toBeGreaterThan(5_000);
    }
    await service.api().get('/reports/documents/half-year?year=2026&half=3').expect(400);
    await service.api().get('/reports/documents/half-year?year=2026&half=1&lang=fr').expect(400);
    await service.api().get('/reports/documents/half-year?half=1').expect(400);
  });

  it('GET /reports/status: every partition handled to its end offset, no lag, no rebuild running', async () => {
    const status = await get('/reports/status');
    expect(status).toMatchObject({ activeGeneration: 1, lag: 0, rebuild: null });
    expect(status.partitions).toHaveLength(3 * 6);
    for (const p of status.partitions) expect(p.lag === 0 && (p.handledOffset ?? 0) === p.endOffset).toBe(true);
    const total = story.events.length + story.late.length;
    expect(status.partitions.reduce((n: number, p: { endOffset: number }) => n + p.endOffset, 0)).toBe(total);
  });

  it('a rebuild replays every event into a new generation that answers exactly as the live one', async () => {
    const reports = () => Promise.all([
      summary(H1), summary(JUNE), summary(`${JUNE}&asOf=${PRINTED_ON_1_JULY}`), get(`/reports/campaigns/${ids.monthOfAction}`),
      get(`/reports/donors/${ids.donorA}/statement?${H1}`), get('/reports/sponsorships?month=2026-06'), get('/reports/monthly?month=2026-06'),
    ]);
    const live = await reports();
    await service.api().post('/admin/rebuild').expect(202);
    const during = await get('/reports/status');
    if (during.rebuild) expect(during.rebuild).toMatchObject({ generation: 2, events: story.events.length + story.late.length });
    await waitFor('generation 2 to become active', async () => (await get('/admin/rebuild')).activeGeneration === 2, 60_000, 250);
    expect(await reports()).toEqual(live);
  });
});

function binary(res: NodeJS.ReadableStream & { setEncoding(e: string): void }, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Blocks of `name`, header, rows, separated by empty lines (report-export.ts). */
function readCsv(text: string): { name: string; columns: string[]; rows: string[][] }[] {
  const lines = parseCsvRows(text);
  const blocks: string[][][] = [[]];
  for (const line of lines) {
    if (line.length === 1 && line[0] === '') blocks.push([]);
    else blocks[blocks.length - 1].push(line);
  }
  return blocks.filter((b) => b.length > 0).map(([[name], columns, ...rows]) => ({ name, columns, rows }));
}

function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r') continue;
    else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += ch;
  }
  return rows;
}

/** exceljs reads a row only as far as its last filled cell. */
function trimNulls(row: unknown[]): unknown[] {
  const out = row.map((v) => (v === null ? undefined : v));
  while (out.length > 0 && out[out.length - 1] === undefined) out.pop();
  return out;
}
