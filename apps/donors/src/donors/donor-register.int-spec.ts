import { randomUUID } from 'node:crypto';
import { DonorsTestKit } from '../../test/donors-test-kit';
import { TEST_ADMIN, testBearer } from '@giftflow/testing';

/** The donor register: duplicates, corrections and search (real PostgreSQL and Kafka). */
describe('donor register: POST /donors duplicates, PATCH /donors/:id, GET /donors search', () => {
  let kit: DonorsTestKit;
  const register = (body: object, key?: string) => {
    const r = kit.api().post('/donors');
    return (key ? r.set('Idempotency-Key', key) : r).send(body);
  };
  const search = async (query: string) => (await kit.api().get(`/donors?${query}`).expect(200)).body;
  const namesFound = async (query: string) => (await search(query)).items.map((d: { name: string }) => d.name).sort();

  beforeAll(async () => {
    kit = await DonorsTestKit.start('giftflow_test_donors_donor_register');
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('keeps the tax code and anonymity here: DonorRegistered carries only id and kind', async () => {
    const body = { name: 'Công ty TNHH Ẩn Danh', kind: 'business', taxCode: '2200123456', anonymous: true };

    const { body: donor } = await register(body).expect(201);

    expect(donor).toMatchObject({ ...body, phone: null, email: null });
    const [registered] = await kit.outbox('DonorRegistered', donor.id);
    expect(registered.payload).toEqual({ donorId: donor.id, kind: 'business' });
    expect(JSON.stringify(registered)).not.toMatch(/Ẩn Danh|2200123456|anonymous/);
  });

  it('answers 409 with the possible duplicates for the same phone, e-mail or tax code, however spelled, and registers with confirmNotDuplicate', async () => {
    const a = (await register({ name: 'Chùa Khánh Hòa', kind: 'religious', phone: '0299 3822 123' }).expect(201)).body;
    const b = (await register({ name: 'Hội Chữ thập đỏ', kind: 'organization', email: 'HoiCTD@example.vn', taxCode: '2200-111-222' }).expect(201)).body;
    const before = await kit.count('donors');

    const samePhone = await register({ name: 'Chua Khanh Hoa', kind: 'religious', phone: '+84 299.3822.123' }).expect(409);
    const sameEmailAndTax = await register({ name: 'Red Cross', kind: 'organization', email: 'hoictd@EXAMPLE.vn', taxCode: '2200111222' }).expect(409);
    const both = await register({ name: 'Both', kind: 'individual', phone: '02993822123', email: 'hoictd@example.vn' }).expect(409);

    expect(samePhone.body).toMatchObject({ message: expect.stringContaining('same phone'), possibleDuplicateOf: [a.id] });
    expect(sameEmailAndTax.body).toMatchObject({ message: expect.stringContaining('same email, taxCode'), possibleDuplicateOf: [b.id] });
    expect(both.body.possibleDuplicateOf).toEqual([a.id, b.id]);
    expect(await kit.count('donors')).toBe(before);

    const confirmed = await register({ name: 'Chua Khanh Hoa (branch)', kind: 'religious', phone: '0299 3822 123', confirmNotDuplicate: true }).expect(201);
    expect(confirmed.body).toMatchObject({ phone: '0299 3822 123' });
    expect(confirmed.body).not.toHaveProperty('confirmNotDuplicate');
  });

  it('lets only one of two simultaneous registrations of one phone through without confirmation', async () => {
    const phone = `0911 ${String(Date.now()).slice(-6)}`;
    const replies = await Promise.all([1, 2, 3].map((i) => register({ name: `Donor ${i}`, kind: 'individual', phone })));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const winner = replies.find((r) => r.status === 201)!.body.id;
    for (const r of replies.filter((x) => x.status === 409)) expect(r.body.possibleDuplicateOf).toEqual([winner]);
  });

  it('replays a registration refused as a duplicate and then confirmed under the same key as one donor', async () => {
    const key = randomUUID();
    const email = `${randomUUID()}@example.vn`;
    await register({ name: 'First', kind: 'individual', email }).expect(201);

    await register({ name: 'Second', kind: 'individual', email }, key).expect(409);
    const confirmed = await register({ name: 'Second', kind: 'individual', email, confirmNotDuplicate: true }, key).expect(201);
    const replay = await register({ name: 'Second', kind: 'individual', email, confirmNotDuplicate: true }, key).expect(201);

    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(confirmed.body);
    expect(await kit.outbox('DonorRegistered', confirmed.body.id)).toHaveLength(1);
  });

  it('PATCH corrects a donor, publishes DonorUpdated once per change, and checks new contacts for duplicates', async () => {
    const other = (await register({ name: 'Other', kind: 'individual', email: `${randomUUID()}@example.vn` }).expect(201)).body;
    const donor = (await register({ name: 'Nguyen Van Tam', kind: 'individual' }).expect(201)).body;

    const { body: updated } = await kit.api().patch(`/donors/${donor.id}`).set('Authorization', await testBearer({ id: 'staff:lan' }))
      .send({ name: 'Nguyễn Văn Tâm', kind: 'business', taxCode: '2200333444' }).expect(200);
    const unchanged = await kit.api().patch(`/donors/${donor.id}`).send({ name: 'Nguyễn Văn Tâm' }).expect(200);
    const taken = await kit.api().patch(`/donors/${donor.id}`).send({ email: other.email.toUpperCase() }).expect(409);
    const cleared = await kit.api().patch(`/donors/${donor.id}`).send({ taxCode: null }).expect(200);

    expect(updated).toMatchObject({ id: donor.id, name: 'Nguyễn Văn Tâm', kind: 'business', taxCode: '2200333444', createdAt: donor.createdAt });
    expect(updated.updatedAt > donor.updatedAt).toBe(true);
    expect(unchanged.body).toEqual(updated);
    expect(taken.body.possibleDuplicateOf).toEqual([other.id]);
    expect(cleared.body.taxCode).toBeNull();
    expect((await kit.api().get(`/donors/${donor.id}`).expect(200)).body).toEqual(cleared.body);
    const events = await kit.outbox('DonorUpdated', donor.id);
    expect(events.map((e) => [e.actor, e.payload])).toEqual([
      ['staff:lan', { donorId: donor.id, kind: 'business' }],
      [TEST_ADMIN.id, { donorId: donor.id, kind: 'business' }],
    ]);
    await kit.api().patch(`/donors/${randomUUID()}`).send({ name: 'x' }).expect(404);
    expect((await kit.api().patch(`/donors/${donor.id}`).send({ kind: 'pirate', phone: 'x' }).expect(400)).body.message).toHaveLength(2);
  });

  it('finds names ignoring case and Vietnamese diacritics, đ as d, and answers them as typed', async () => {
    // Among government donors, so the names other tests registered ("Donor 1" contains "do") stay out of the way.
    for (const name of ['Nguyễn Văn Ánh', 'NGUYỄN VĂN BÌNH', 'Đỗ Thị Hồng', 'Trần Đức Độ', 'Lê Ngọc Ẩn', '50% Hội']) {
      await register({ name, kind: 'government' }).expect(201);
    }
    const found = (search: string) => namesFound(`kind=government&search=${encodeURIComponent(search)}`);

    expect(await found('nguyen van')).toEqual(['NGUYỄN VĂN BÌNH', 'Nguyễn Văn Ánh']);
    expect(await found('do')).toEqual(['Trần Đức Độ', 'Đỗ Thị Hồng']);
    expect(await found('ĐỖ THỊ')).toEqual(['Đỗ Thị Hồng']);
    expect(await found('  Van   Anh ')).toEqual(['Nguyễn Văn Ánh']);
    expect(await found('ngoc an')).toEqual(['Lê Ngọc Ẩn']);
    expect(await found('0% h')).toEqual(['50% Hội']);
    expect(await found('%')).toEqual(['50% Hội']); // a LIKE wildcard is taken literally
  });

  it('finds a donor by part of a phone, e-mail or tax code, filters by kind, and pages {items, total, page, pageSize}', async () => {
    const phoneDonor = (await register({ name: 'Phone Donor', kind: 'military', phone: '0299 777 4242' }).expect(201)).body;
    expect((await search('search=7774242')).items.map((d: { id: string }) => d.id)).toEqual([phoneDonor.id]);
    expect((await search('search=22001234')).items.map((d: { name: string }) => d.name)).toEqual(['Công ty TNHH Ẩn Danh']);

    const all = await search('kind=individual&pageSize=200');
    const page2 = await search('kind=individual&page=2&pageSize=3');

    expect(all.items.every((d: { kind: string }) => d.kind === 'individual')).toBe(true);
    expect(page2).toEqual({ items: all.items.slice(3, 6), total: all.total, page: 2, pageSize: 3 });
    expect(all.items[0]).not.toHaveProperty('nameFolded');
    const bad = await kit.api().get('/donors?page=0&pageSize=500&kind=pirate&colour=red').expect(400);
    expect(bad.body.message).toEqual(expect.arrayContaining([
      expect.stringMatching(/^page /), expect.stringMatching(/^pageSize /), expect.stringMatching(/^kind /), 'property colour should not exist',
    ]));
  });
});
