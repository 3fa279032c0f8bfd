import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { waitFor } from '@giftflow/testing';
import { ROOT } from '../../scripts/apps';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/chromium';
import { TestSystem, startTestSystem } from '../../scripts/test-system';
import { DISTRICTS, ITEMS, WAREHOUSES } from '../../seeds/demo-data';
import { communesOf } from '../../seeds/reference/soc-trang';
import { Account, GatewayClient } from './console-api';
import { axeViolations, containsText, count, eventually, hasText, hasValue, heading, visible } from './page-checks';

/**
 * Issue #13, the console in a real browser: Debian's Chromium driven by playwright-core against the five apps
 * started as processes (as `npm start` runs them, on this worker's test ports). Selectors are roles and labels,
 * in Vietnamese, the console's default language. Screenshots of every page at both sizes go to
 * .test-results/console/.
 */
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const SHOTS = path.join(ROOT, '.test-results', 'console');
const ADMIN_PASSWORD = 'browser-test-admin-password';

describe('the console in Chromium', () => {
  const bicycle = ITEMS.bicycle;
  const warehouse = WAREHOUSES.provincial;
  const otherWarehouse = { code: 'ST-LP', name: 'Long Phu district office', districtCode: DISTRICTS.longPhu.code };
  const district = DISTRICTS.tranDe;
  const commune = communesOf(district.code)[0]!;
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const children = ['Lâm Thị Hoa', 'Thạch Văn Nam', 'Sơn Thị Lan', 'Kim Văn Minh'];
  const donorName = 'Bộ Tư lệnh Vùng 2 Hải quân';

  let system: TestSystem;
  let browser: Browser;
  let gateway: string;
  let admin: GatewayClient;
  let staff: Account;
  let volunteer: Account;
  let viewer: Account;
  let staffApi: GatewayClient;
  let campaignId: string;
  let pledgeId: string;
  const childIds = new Map<string, string>();
  const timings: string[] = [];
  const started = Date.now();
  const lap = (what: string) => timings.push(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);

  /** Clicks `button` and answers the text of the file the browser downloads. */
  const downloaded = async (page: Page, button: ReturnType<Page['getByRole']>) => {
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    return readFileSync(await file.path(), 'utf8');
  };
  const newContext = (size: typeof DESKTOP, phone = false) =>
    browser.newContext({ viewport: size, isMobile: phone, hasTouch: phone, locale: 'vi-VN', baseURL: gateway });
  const signIn = async (page: Page, account: { email: string; password: string }) => {
    await page.goto('/');
    await page.getByLabel('Thư điện tử').fill(account.email);
    await page.getByLabel('Mật khẩu').fill(account.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  };

  beforeAll(async () => {
    ensureChromium();
    mkdirSync(SHOTS, { recursive: true });
    system = await startTestSystem('browser', { adminPassword: ADMIN_PASSWORD });
    gateway = system.gateway;
    lap('system up');
    browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });

    // The scene, through the API: catalogue, two warehouses, an open campaign, a donor, four children in Tran De.
    admin = await GatewayClient.signIn(gateway, 'admin@giftflow.local', ADMIN_PASSWORD);
    await admin.expect(201, 'POST', '/inventory/items', bicycle);
    await admin.expect(201, 'POST', '/inventory/warehouses', warehouse);
    await admin.expect(201, 'POST', '/inventory/warehouses', otherWarehouse);
    campaignId = (await admin.expect(201, 'POST', '/donors/campaigns', { name: 'Tháng hành động vì trẻ em', startsOn: `${month}-01`, endsOn: today })).id;
    await admin.expect(201, 'POST', '/donors/donors', { name: donorName, kind: 'military' });
    for (const [n, fullName] of children.entries()) {
      const child = await admin.expect(201, 'POST', '/beneficiaries/children', {
        fullName, birthDate: `201${n}-03-0${n + 1}`, sex: n % 2 ? 'male' : 'female', districtCode: district.code, communeCode: commune.code,
        circumstances: n === 0 ? ['orphan'] : ['poor_household'], guardianName: `Người giám hộ ${n + 1}`,
      });
      childIds.set(fullName, child.id);
    }
    staff = await admin.createUser('fund_staff', 'Nguyễn Thị Thu');
    volunteer = await admin.createUser('warehouse_volunteer', 'Trần Văn An', [warehouse.code]);
    viewer = await admin.createUser('viewer', 'Cán bộ Sở Lao động');
    staffApi = await GatewayClient.signIn(gateway, staff.email, staff.password);
    lap('scene set');
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    console.log(`browser test timings (since the file started) and the phone page's errors:\n  ${timings.join('\n  ')}`);
  });

  let desk: BrowserContext;
  let deskPage: Page;

  it('signs fund staff in (Vietnamese by default, English one click away) and lands on the dashboard', async () => {
    desk = await newContext(DESKTOP);
    deskPage = await desk.newPage();
    await signIn(deskPage, { email: staff.email, password: 'wrong password!' });
    await containsText(deskPage.getByRole('alert'), 'Sai thư điện tử hoặc mật khẩu');
    await signIn(deskPage, staff);
    await heading(deskPage, 'Tổng quan');
    expect(await deskPage.getAttribute('html', 'lang')).toBe('vi');
    await deskPage.getByRole('button', { name: 'English' }).click();
    await heading(deskPage, 'Dashboard');
    expect(await deskPage.getAttribute('html', 'lang')).toBe('en');
    await deskPage.getByRole('button', { name: 'Tiếng Việt' }).click();
    await heading(deskPage, 'Tổng quan');
    lap('signed in');
  });

  it('records a pledge with its lines on the donors page', async () => {
    const page = deskPage;
    await page.getByRole('link', { name: 'Nhà tài trợ và cam kết' }).click();
    await heading(page, 'Nhà tài trợ và cam kết');
    await page.getByLabel('Tìm theo tên, điện thoại, thư điện tử').fill('hai quan');
    await page.getByRole('button', { name: `Mở nhà tài trợ ${donorName}` }).click();
    const form = page.getByRole('form', { name: 'Ghi nhận cam kết' });
    await form.getByLabel('Chiến dịch').selectOption(campaignId);
    await form.getByLabel('Mặt hàng (dòng 1)').selectOption(bicycle.code);
    await form.getByLabel('Số lượng (dòng 1)').fill('5');
    await form.getByLabel('Đơn giá VNĐ (dòng 1)').fill('1800000');
    await form.getByRole('button', { name: 'Ghi nhận cam kết' }).click();
    await containsText(form.getByRole('status'), 'Đã ghi nhận cam kết');
    const pledges = await staffApi.get(`/donors/pledges?campaignId=${campaignId}`);
    expect(pledges.items).toHaveLength(1);
    expect(pledges.items[0]).toMatchObject({ status: 'pledged', lines: [expect.objectContaining({ itemCode: bicycle.code, pledged: 5, unitValueVnd: 1_800_000 })] });
    pledgeId = pledges.items[0].id;
    await containsText(page.getByRole('table', { name: `Các cam kết của ${donorName}` }), 'Đã cam kết');
    lap('pledge recorded');
  });

  it('receives the pledge into the provincial warehouse', async () => {
    const page = deskPage;
    await page.getByRole('link', { name: 'Nhận hàng' }).click();
    await heading(page, 'Nhận hàng');
    await page.getByLabel('Kho', { exact: true }).selectOption(warehouse.code);
    const form = page.getByRole('form', { name: 'Nhận hàng theo cam kết' });
    await form.getByLabel('Cam kết', { exact: true }).selectOption(pledgeId);
    await hasValue(form.getByLabel('Số lượng (dòng 1)'), (v) => v === '5', 'value 5'); // what is outstanding
    await form.getByRole('button', { name: 'Nhận vào kho' }).click();
    await containsText(form.getByRole('status'), 'Đã nhận 5 đơn vị');
    const stock = await staffApi.get(`/inventory/stock?itemCode=${bicycle.code}&warehouseCode=${warehouse.code}`);
    expect(stock).toEqual([expect.objectContaining({ onHand: 5, reserved: 0, available: 5 })]);
    await waitFor('the pledge to be received', async () => (await staffApi.get(`/donors/pledges/${pledgeId}`)).status === 'received', 30_000, 250);
    lap('pledge received');
  });

  it('previews a ranked allocation plan, commits it and the four children get their bicycles reserved', async () => {
    const page = deskPage;
    await page.getByRole('link', { name: 'Kế hoạch phân bổ' }).click();
    await heading(page, 'Kế hoạch phân bổ');
    const form = page.getByRole('form', { name: 'Tiêu chí' });
    await form.getByLabel('Chiến dịch').selectOption(campaignId);
    await form.getByLabel('Kho', { exact: true }).selectOption(warehouse.code);
    await form.getByLabel('Mặt hàng (dòng 1)').selectOption(bicycle.code);
    await form.getByLabel(district.nameVi).check();
    await form.getByRole('button', { name: 'Xem trước danh sách' }).click();
    await visible(page.getByRole('heading', { name: 'Bản nháp: danh sách xếp hạng' }));
    await visible(page.getByText('4 người sẽ nhận, 0 người chờ hàng'));
    const roster = page.getByRole('table', { name: 'Danh sách nhận quà' });
    await containsText(roster.getByRole('row').nth(1), children[0]!); // the orphan ranks first
    await page.getByRole('button', { name: 'Chốt kế hoạch' }).click();
    await visible(page.getByText('Đã chốt: 4 phân bổ được tạo.'));
    await waitFor('four deliveries ready', async () => {
      const { items } = await staffApi.get(`/inventory/deliveries?warehouseCode=${warehouse.code}&status=ready`);
      return items.length === 4;
    }, 60_000, 250);
    await page.getByRole('button', { name: 'Cập nhật tiến độ' }).click();
    await containsText(page.getByRole('table', { name: 'Danh sách nhận quà' }), 'Đã giữ hàng');
    const sheet = await downloaded(page, page.getByRole('button', { name: 'In danh sách (CSV)' }));
    for (const name of children) expect(sheet).toContain(name); // the tick-off sheet for the day, with names
    lap('plan committed');
  });

  let phone: BrowserContext;
  let phonePage: Page;
  const deliveryOf = async (name: string) => staffApi.get(`/inventory/deliveries/${await allocationOf(name)}`);
  const allocationOf = async (name: string) => {
    const { items } = await staffApi.get(`/beneficiaries/allocations?beneficiaryId=${childIds.get(name)}`);
    return items[0].id as string;
  };
  const confirmOnPhone = async (page: Page, name: string) => {
    const card = page.getByRole('article', { name });
    await card.getByRole('button', { name: `Đã trao quà cho ${name}` }).tap();
    await hasValue(card.getByLabel('Người nhận'), (v) => v !== '', 'a value');
    await card.getByRole('button', { name: 'Xác nhận' }).tap();
  };

  it('a volunteer lands on the phone view and confirms deliveries, going offline in the middle: nothing lost or doubled', async () => {
    // Three of the four leave in the volunteer's dispatch run; the fourth stays ready in the warehouse.
    const runIds = await Promise.all(children.slice(0, 3).map(allocationOf));
    await staffApi.expect(201, 'POST', '/inventory/dispatch-runs', { warehouseCode: warehouse.code, volunteer: volunteer.email, allocationIds: runIds });

    phone = await newContext(PHONE, true);
    phonePage = await phone.newPage();
    phonePage.on('pageerror', (error) => timings.push(`phone page error: ${error.message}`));
    phonePage.on('crash', () => timings.push('the phone page crashed'));
    phonePage.on('console', (message) => message.type() === 'error' && timings.push(`phone console: ${message.text()}`));
    await signIn(phonePage, volunteer);
    await heading(phonePage, 'Giao quà');
    expect(new URL(phonePage.url()).pathname).toBe('/volunteer');
    for (const name of children.slice(0, 3)) await containsText(phonePage.getByRole('article', { name }), commune.name);
    await containsText(phonePage.getByRole('article', { name: children[0] }), `${bicycle.name} × 1`);

    await confirmOnPhone(phonePage, children[0]!);
    await containsText(phonePage.getByRole('article', { name: children[0] }), 'Đã trao', 20_000); // sent, and read back
    await containsText(phonePage.getByRole('status').filter({ hasText: 'Chờ gửi' }), 'Chờ gửi: 0');
    await waitFor('the first delivery confirmed', async () => (await deliveryOf(children[0]!)).status === 'delivered', 20_000, 200);

    await phone.setOffline(true);
    await visible(phonePage.getByText('Mất kết nối'));
    await confirmOnPhone(phonePage, children[1]!);
    await confirmOnPhone(phonePage, children[2]!);
    await containsText(phonePage.getByRole('status').filter({ hasText: 'Chờ gửi' }), 'Chờ gửi: 2');
    await containsText(phonePage.getByRole('article', { name: children[1] }), 'Đã ghi trên máy, chờ gửi');
    expect((await deliveryOf(children[1]!)).status).toBe('dispatched'); // still only on the phone
    await phonePage.screenshot({ path: path.join(SHOTS, 'volunteer-offline-390x844.png'), fullPage: true });

    await phone.setOffline(false);
    await containsText(phonePage.getByRole('status').filter({ hasText: 'Chờ gửi' }), 'Chờ gửi: 0', 20_000);
    for (const name of children.slice(0, 3)) {
      expect(await deliveryOf(name)).toMatchObject({ status: 'delivered', relationship: 'guardian', decidedBy: expect.anything() });
    }
    expect((await deliveryOf(children[3]!)).status).toBe('ready');
    // Each delivery once in the ledger, and the stock down by exactly three.
    const movements = await staffApi.get(`/inventory/stock/movements?itemCode=${bicycle.code}&warehouseCode=${warehouse.code}&pageSize=200`);
    expect(movements.items.filter((m: { kind: string }) => m.kind === 'delivered')).toHaveLength(3);
    expect(await staffApi.get(`/inventory/stock?itemCode=${bicycle.code}&warehouseCode=${warehouse.code}`))
      .toEqual([expect.objectContaining({ onHand: 2, reserved: 1 })]);

    // The fourth is in "my warehouses", not in "my runs".
    await phonePage.getByRole('button', { name: 'Kho của tôi' }).tap();
    await containsText(phonePage.getByRole('article', { name: children[3] }), 'Sẵn sàng giao');
    expect(await phonePage.getByLabel('Kho', { exact: true }).locator('option').allInnerTexts()).toEqual(['— Chọn —', warehouse.code]);
    lap('deliveries confirmed on the phone');
  });

  it('a volunteer cannot open pledges, nor another warehouse\'s deliveries', async () => {
    await phonePage.goto('/donors');
    await heading(phonePage, 'Không được phép');
    await count(phonePage.getByRole('link', { name: 'Nhà tài trợ và cam kết' }), 0);
    expect((await phonePage.request.get('/api/donors/pledges')).status()).toBe(403);
    expect((await phonePage.request.get(`/api/inventory/deliveries?warehouseCode=${otherWarehouse.code}`)).status()).toBe(403);
    expect((await phonePage.request.get(`/api/inventory/deliveries?warehouseCode=${warehouse.code}`)).status()).toBe(200);
  });

  it('the dashboard shows the new figures: three gifts to three children this month', async () => {
    const page = deskPage;
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    const thisMonth = page.getByRole('region', { name: `Tháng ${month}` });
    await eventually('the month to count three gifts', async () => {
      await page.getByRole('button', { name: 'Làm mới' }).click();
      await hasText(thisMonth.getByRole('definition').nth(0), '3', 2_000);
    });
    await hasText(thisMonth.getByRole('definition').nth(1), '3');
    await containsText(page.getByRole('figure', { name: 'Quà đã trao theo huyện/thị (6 tháng)' }), district.nameVi);
    lap('dashboard shows the deliveries');
  });

  it('reports: the summary with a district filter, downloaded as CSV, and the half-year document', async () => {
    const page = deskPage;
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await heading(page, 'Báo cáo');
    const form = page.getByRole('form', { name: 'Báo cáo tổng hợp' });
    await form.getByLabel('Huyện/thị').selectOption(district.code);
    await form.getByRole('button', { name: 'Xem báo cáo' }).click();
    await containsText(page.getByRole('table', { name: 'Theo loại quà' }), bicycle.category);
    const csv = await downloaded(page, page.getByRole('button', { name: 'Tải CSV (summary)' }));
    expect(csv).toContain(bicycle.category);
    const document = await downloaded(page, page.getByRole('button', { name: 'Tải báo cáo (HTML)' }));
    expect(document).toContain('<html');
  });

  it('a viewer sees only the dashboard and the reports, and reads the campaign\'s report', async () => {
    const context = await newContext(DESKTOP);
    const page = await context.newPage();
    await signIn(page, viewer);
    await heading(page, 'Tổng quan');
    expect(await page.getByRole('navigation', { name: 'Các trang' }).getByRole('link').allInnerTexts()).toEqual(['Tổng quan', 'Báo cáo']);
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    const form = page.getByRole('form', { name: 'Báo cáo chiến dịch' });
    await form.getByLabel('Chiến dịch').selectOption(campaignId); // known to the viewer from the reports, not from donors
    await form.getByRole('button', { name: 'Xem báo cáo' }).click();
    await containsText(page.getByRole('table', { name: 'Theo huyện/thị' }), district.nameVi);
    await page.goto('/donors');
    await heading(page, 'Không được phép');
    await context.close();
  });

  it('registers a child through the duplicate warning, and shows a child\'s allocations', async () => {
    const page = deskPage;
    await page.getByRole('link', { name: 'Trẻ em và cơ sở' }).click();
    await heading(page, 'Trẻ em và cơ sở');
    const form = page.getByRole('form', { name: 'Đăng ký trẻ em' });
    await form.getByLabel('Họ và tên').fill('THẠCH VĂN NAM'); // the same child as children[1], typed otherwise
    await form.getByLabel('Ngày sinh').fill('2011-03-02');
    await form.getByLabel('Huyện/thị').selectOption(district.code);
    await form.getByLabel('Xã/phường').selectOption(commune.code);
    await form.getByLabel('Hộ nghèo', { exact: true }).check();
    await form.getByRole('button', { name: 'Đăng ký trẻ em' }).click();
    await containsText(form.getByRole('alert'), `Có thể trùng với hồ sơ đã có: ${childIds.get(children[1]!)!.slice(0, 8)}`);
    expect((await staffApi.get(`/beneficiaries/children?search=${encodeURIComponent('thach van nam')}`)).total).toBe(1);
    await form.getByRole('button', { name: 'Vẫn đăng ký (không trùng)' }).click();
    await containsText(form.getByRole('status'), 'Đã đăng ký THẠCH VĂN NAM');
    expect((await staffApi.get(`/beneficiaries/children?search=${encodeURIComponent('thach van nam')}`)).total).toBe(2);

    await page.getByLabel('Tìm theo họ tên').fill('lam thi');
    await page.getByRole('button', { name: `Mở hồ sơ ${children[0]}` }).click();
    await containsText(page.getByRole('table', { name: 'Các lần phân bổ quà' }), 'Đã trao');
  });

  it('every page at 1280×800 and 390×844: no serious or critical axe violation, a screenshot of each', async () => {
    const pages = ['/dashboard', '/donors', '/receiving', '/stock', '/children', '/campaigns', '/plans', '/sponsorships', '/reports', '/users', '/volunteer'];
    const found: string[] = [];
    const audit = async (page: Page, name: string, size: typeof DESKTOP) => {
      await page.waitForLoadState('networkidle');
      const violations = await axeViolations(page, axe.source);
      for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`${name} ${size.width}px: ${v.id} (${v.impact}) at ${v.nodes.join(', ')}`);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${size.width}x${size.height}.png`), fullPage: true });
    };
    for (const size of [DESKTOP, PHONE]) {
      const context = await newContext(size, size === PHONE);
      const page = await context.newPage();
      await page.goto('/');
      await heading(page, 'Đăng nhập');
      await audit(page, 'signin', size);
      await signIn(page, { email: 'admin@giftflow.local', password: ADMIN_PASSWORD });
      await heading(page, 'Tổng quan');
      for (const route of pages) {
        await page.goto(route);
        await visible(page.getByRole('heading', { level: 1 }));
        await audit(page, route.slice(1), size);
      }
      await page.getByRole('button', { name: 'Đăng xuất' }).click(); // a write: the session cookie's CSRF token goes along
      await heading(page, 'Đăng nhập');
      expect((await page.request.get('/api/auth/me')).status()).toBe(401);
      await context.close();
    }
    await phonePage.goto('/volunteer');
    await heading(phonePage, 'Giao quà');
    await audit(phonePage, 'volunteer-as-volunteer', PHONE);
    expect(found).toEqual([]);
    lap('pages audited');
  });
});
