// `npm run seed`: loads the demo data of seeds/demo-data.ts into a running system (`npm start`) through the
// gateway, as the console would. Safe to run twice: creating calls carry stable Idempotency-Keys, and catalogue
// entries that already exist (409) are kept.
import { CAMPAIGNS, DISTRICTS, DONORS, INSTITUTIONS, ITEMS, REPORT_FIGURES, WAREHOUSES } from './demo-data';

const GATEWAY = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const log = (line: string) => console.log(`[seed] ${line}`);

async function call<T>(method: 'POST' | 'GET', path: string, body?: unknown, key?: string, allow: number[] = []): Promise<T | null> {
  const reply = await fetch(`${GATEWAY}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-actor': 'seed', ...(key ? { 'idempotency-key': key } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (allow.includes(reply.status)) return null;
  const text = await reply.text();
  if (!reply.ok) throw new Error(`${method} ${path} → ${reply.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function main(): Promise<void> {
  await call('GET', '/donors/health').catch(() => {
    throw new Error(`no giftflow at ${GATEWAY}: start it with \`npm start\` first (or set GATEWAY_URL)`);
  });
  for (const item of Object.values(ITEMS)) await call('POST', '/inventory/items', item, undefined, [409]);
  await call('POST', '/inventory/warehouses', WAREHOUSES.provincial, undefined, [409]);
  log(`catalogue: ${Object.keys(ITEMS).length} items, warehouse ${WAREHOUSES.provincial.code}`);

  const year = new Date().getFullYear();
  const campaign = (await call<{ id: string }>('POST', '/donors/campaigns',
    { name: CAMPAIGNS.monthOfAction.name, startsOn: `${year}-06-01`, endsOn: `${year}-06-30` }, `seed:campaign:month-of-action:${year}`))!;
  const donors: Record<string, string> = {};
  for (const [name, donor] of Object.entries(DONORS)) {
    donors[name] = (await call<{ id: string }>('POST', '/donors/donors', donor, `seed:donor:${name}`))!.id;
  }
  log(`donors: ${Object.values(DONORS).map((d) => d.name).join('; ')}`);

  // "20 bicycles from benefactors" and "509 scholarships", received in full at the provincial warehouse.
  const pledges = [
    { key: 'navy-bicycles', donor: donors.navy, lines: [{ itemCode: ITEMS.bicycle.code, quantity: REPORT_FIGURES.bicycles, unitValueVnd: ITEMS.bicycle.unitValueVnd }] },
    { key: 'hospital-scholarships', donor: donors.hospital, lines: [{ itemCode: ITEMS.scholarship.code, quantity: REPORT_FIGURES.scholarships }] },
    { key: 'benefactor-school-gifts', donor: donors.benefactor, lines: [
      { itemCode: ITEMS.backpack.code, quantity: 300 }, { itemCode: ITEMS.notebooks.code, quantity: 500 }, { itemCode: ITEMS.milk.code, quantity: 120 },
    ] },
  ];
  for (const p of pledges) {
    const pledge = (await call<{ id: string }>('POST', '/donors/pledges', { donorId: p.donor, campaignId: campaign.id, lines: p.lines }, `seed:pledge:${p.key}:${year}`))!;
    await call('POST', '/inventory/receipts', { pledgeId: pledge.id, warehouseCode: WAREHOUSES.provincial.code, lines: p.lines.map(({ itemCode, quantity }) => ({ itemCode, quantity })) },
      `seed:receipt:${p.key}:${year}`);
    log(`pledge ${p.key}: ${p.lines.map((l) => `${l.quantity} × ${l.itemCode}`).join(', ')} (received)`);
  }

  // The dialogue programme's institutions. Resident counts are illustrative: the report does not give them.
  const residents: Record<string, number> = { nangNhonPagoda: 40, socialProtection: 60, disabledSchool: 120 };
  for (const [name, institution] of Object.entries(INSTITUTIONS)) {
    await call('POST', '/beneficiaries/institutions', { ...institution, residents: residents[name] }, `seed:institution:${name}`);
  }
  // Five orphans sponsored by the navy in Vinh Chau town. Fictional names: real children's data never goes in seeds.
  for (let n = 1; n <= REPORT_FIGURES.sponsoredOrphans; n += 1) {
    await call('POST', '/beneficiaries/children', {
      fullName: `Demo child ${n}`, birthDate: `${year - 8 - n}-0${n}-15`, sex: n % 2 ? 'female' : 'male',
      districtCode: DISTRICTS.vinhChau.code, communeCode: `${DISTRICTS.vinhChau.code}0${n}`, circumstances: ['orphan'],
    }, `seed:child:vinh-chau-orphan-${n}`);
  }
  log(`beneficiaries: ${Object.keys(INSTITUTIONS).length} institutions, ${REPORT_FIGURES.sponsoredOrphans} children`);
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).format(new Date());
  log(`done: see ${GATEWAY}/api/inventory/stock and ${GATEWAY}/api/reporting/reports/monthly?month=${month}`);
}

main().catch((error: Error) => {
  console.error(`[seed] failed: ${error.message}`);
  process.exit(1);
});
