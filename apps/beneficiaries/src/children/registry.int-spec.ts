import { testBearer } from '@giftflow/testing';
import { BeneficiariesTestKit, aChild } from '../../test/beneficiaries-test-kit';

/** Issue #9, the registry: duplicates and merges, diacritics-insensitive search, corrections, institutions by district. */
describe('the children registry', () => {
  let kit: BeneficiariesTestKit;
  let campaignId: string;

  beforeAll(async () => {
    kit = await BeneficiariesTestKit.start('giftflow_test_beneficiaries_registry');
    await kit.registerItem('backpack-20l', 'backpacks');
    campaignId = await kit.openCampaign();
  });
  afterAll(async () => {
    await kit?.close();
  });

  const register = (overrides: Record<string, unknown>) => kit.api().post('/children').send(aChild(overrides));
  const allocate = (beneficiaryId: string) => kit.api().post('/allocations').send({ beneficiaryId, campaignId, lines: [{ itemCode: 'backpack-20l', quantity: 1 }] });

  it('answers 409 with the possible duplicates for the same name (ignoring diacritics and case), birth date and commune', async () => {
    const first = (await register({ fullName: 'Nguyễn Văn An', birthDate: '2015-03-02', communeCode: '31501' }).expect(201)).body;
    const { body } = await register({ fullName: '  nguyen van AN ', birthDate: '2015-03-02', communeCode: '31501' }).expect(409);
    expect(body).toMatchObject({ statusCode: 409, possibleDuplicateOf: [first.id], message: expect.stringContaining('confirmNotDuplicate') });
    // another commune, or another birth date, is another child
    await register({ fullName: 'Nguyen Van An', birthDate: '2015-03-02', communeCode: '31502' }).expect(201);
    await register({ fullName: 'Nguyen Van An', birthDate: '2015-03-03', communeCode: '31501' }).expect(201);
    // staff checked: really two children
    const second = (await register({ fullName: 'Nguyễn Văn An', birthDate: '2015-03-02', communeCode: '31501', confirmNotDuplicate: true }).expect(201)).body;
    expect(second.fullName).toBe('Nguyễn Văn An');
    expect((await register({ fullName: 'NGUYỄN VĂN AN', birthDate: '2015-03-02', communeCode: '31501' }).expect(409)).body.possibleDuplicateOf)
      .toEqual([first.id, second.id]);
  });

  it('merges two records into one child: GET answers with the survivor, allocations and eligibility count both, BeneficiariesMerged published', async () => {
    const keep = (await register({ fullName: 'Lý Thị Mai', birthDate: '2013-09-09', communeCode: '31600' }).expect(201)).body;
    const twin = (await register({ fullName: 'Ly Thi Mai', birthDate: '2013-09-09', communeCode: '31600', confirmNotDuplicate: true }).expect(201)).body;
    const heldByTwin = (await allocate(twin.id).expect(202)).body.id;

    const { body: merged } = await kit.api().post(`/children/${twin.id}/merge`).set('Authorization', await testBearer({ id: 'officer-lan' })).send({ intoId: keep.id }).expect(200);
    expect(merged).toEqual(keep);
    expect((await kit.api().get(`/children/${twin.id}`).expect(200)).body).toEqual(keep);
    const [event] = (await kit.publishedEvents()).filter((e) => e.type === 'BeneficiariesMerged' && e.aggregateId === twin.id);
    expect(event).toMatchObject({ actor: 'officer-lan', payload: { beneficiaryId: twin.id, intoId: keep.id } });

    // the backpack the twin record holds is the child's: no second one in the campaign
    expect((await allocate(keep.id).expect(422)).body.rule).toBe('already_received');
    expect((await allocate(twin.id).expect(422)).body.rule).toBe('already_received');
    const listed = (await kit.api().get(`/allocations?beneficiaryId=${keep.id}`).expect(200)).body;
    expect(listed.items.map((a: { id: string }) => a.id)).toEqual([heldByTwin]);
    // the registry lists the child once, and the duplicate check now sees only the survivor
    const found = (await kit.api().get('/children?search=ly thi mai').expect(200)).body;
    expect(found.items.map((c: { id: string }) => c.id)).toEqual([keep.id]);
    expect((await register({ fullName: 'Lý Thị Mai', birthDate: '2013-09-09', communeCode: '31600' }).expect(409)).body.possibleDuplicateOf).toEqual([keep.id]);

    await kit.api().post(`/children/${twin.id}/merge`).send({ intoId: keep.id }).expect(409);
    await kit.api().post(`/children/${keep.id}/merge`).send({ intoId: twin.id }).expect(409);
    await kit.api().post(`/children/${keep.id}/merge`).send({ intoId: keep.id }).expect(422);
  });

  it('a new allocation for a merged-away record goes to the surviving child', async () => {
    const keep = await kit.registerChild();
    const gone = await kit.registerChild();
    await kit.api().post(`/children/${gone}/merge`).send({ intoId: keep }).expect(200);
    expect((await allocate(gone).expect(202)).body.beneficiaryId).toBe(keep);
  });

  it('searches ignoring case and diacritics (đ as d), names answered as typed, paged', async () => {
    const commune = '31777';
    for (const fullName of ['Nguyễn Văn Bình', 'Đỗ Thị Lan', 'Trần Đức Anh', 'Nguyễn Thị Hoa']) await register({ fullName, communeCode: commune }).expect(201);
    const search = async (q: string, extra = '') => (await kit.api().get(`/children?communeCode=${commune}&search=${encodeURIComponent(q)}${extra}`).expect(200)).body;
    expect((await search('nguyen van')).items.map((c: { fullName: string }) => c.fullName)).toEqual(['Nguyễn Văn Bình']);
    expect((await search('do')).items.map((c: { fullName: string }) => c.fullName)).toEqual(['Đỗ Thị Lan']);
    expect((await search('ĐỨC')).items.map((c: { fullName: string }) => c.fullName)).toEqual(['Trần Đức Anh']);
    expect((await search('100%')).items).toEqual([]);
    const nguyen = await search('Nguyễn', '&pageSize=1&page=2');
    expect(nguyen).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [expect.objectContaining({ fullName: 'Nguyễn Văn Bình' })] });
    const all = (await kit.api().get(`/children?communeCode=${commune}`).expect(200)).body;
    expect(all).toMatchObject({ total: 4, page: 1, pageSize: 20 });
    expect(all.items[0]).toEqual(expect.objectContaining({ guardianName: 'Thach Van Ton', communeCode: commune }));
    expect((await kit.api().get(`/children?communeCode=${commune}&circumstance=disabled`).expect(200)).body.total).toBe(0);
    await kit.api().get('/children?circumstance=rich').expect(400);
  });

  it('accepts every circumstance code of the contracts', async () => {
    const { body } = await register({ fullName: 'Kim Văn Tư', circumstances: ['street_child', 'violence_victim', 'hiv_affected', 'drug_affected', 'abandoned', 'other'] }).expect(201);
    expect(body.circumstances).toEqual(['street_child', 'violence_victim', 'hiv_affected', 'drug_affected', 'abandoned', 'other']);
  });

  it('PATCH corrects the record; BeneficiaryUpdated carries only the pseudonymous facts that changed', async () => {
    const id = await kit.registerChild({ fullName: 'Thạch Thị Sô Phi', districtCode: '946', birthDate: '2014-05-20' });
    const { body } = await kit.api().patch(`/children/${id}`).send({ districtCode: '951', communeCode: '31999', birthDate: '2014-06-01', guardianPhone: null }).expect(200);
    expect(body).toMatchObject({ id, districtCode: '951', communeCode: '31999', birthDate: '2014-06-01', guardianPhone: null, fullName: 'Thạch Thị Sô Phi' });
    expect((await kit.api().get(`/children/${id}`).expect(200)).body).toEqual(body);
    await kit.api().patch(`/children/${id}`).send({ fullName: 'Thạch Thị Sô Phia', guardianName: 'Thạch Văn Tôn' }).expect(200);
    await kit.api().patch(`/children/${id}`).send({ circumstances: ['orphan', 'disabled'] }).expect(200);
    const updates = (await kit.publishedEvents()).filter((e) => e.type === 'BeneficiaryUpdated' && e.aggregateId === id);
    expect(updates.map((e) => e.payload)).toEqual([
      { beneficiaryId: id, districtCode: '951', communeCode: '31999', birthMonth: '2014-06' },
      { beneficiaryId: id, circumstances: ['orphan', 'disabled'] },
    ]);
    for (const e of updates) for (const personal of ['Thạch', 'Thach', '2014-06-01', 'guardian']) expect(e.raw).not.toContain(personal);
    expect((await kit.api().get('/children?search=so phia').expect(200)).body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    await kit.api().patch(`/children/${id}`).send({ sex: 'boy', address: 'x' }).expect(400);
  });

  it('lists institutions by district, paged', async () => {
    for (const [name, districtCode] of [['Nang Nhon Pagoda orphanage', '941'], ['Social Protection Centre', '941'], ['School for Disabled Children', '942']]) {
      await kit.api().post('/institutions').send({ name, kind: 'other', districtCode, residents: 10 }).expect(201);
    }
    const { body } = await kit.api().get('/institutions?districtCode=941').expect(200);
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(body.items.map((i: { name: string }) => i.name)).toEqual(['Nang Nhon Pagoda orphanage', 'Social Protection Centre']);
  });
});
