import { randomUUID } from 'node:crypto';
import { testBearer } from '@giftflow/testing';
import { BeneficiariesTestKit, aChild } from '../../../test/beneficiaries-test-kit';
import { fundToday } from '../birth-date';

describe('POST /children, GET /children/:id', () => {
  let kit: BeneficiariesTestKit;

  beforeAll(async () => {
    kit = await BeneficiariesTestKit.start('giftflow_test_beneficiaries_children');
  });
  afterAll(async () => {
    await kit?.close();
  });

  const badFields = async (body: Record<string, unknown>): Promise<string> =>
    (await kit.api().post('/children').send(body).expect(400)).body.message.join('\n');

  it('records the child (201, full record for staff) and publishes BeneficiaryRegistered with no name, phone or birth date', async () => {
    const { body } = await kit.api().post('/children').set('Authorization', await testBearer({ id: 'social-worker' })).send(aChild()).expect(201);
    expect(body).toEqual({ id: expect.any(String), ...aChild(), registeredAt: expect.any(String) });
    expect((await kit.api().get(`/children/${body.id}`).expect(200)).body).toEqual(body);

    const [event] = (await kit.publishedEvents()).filter((e) => e.aggregateId === body.id);
    expect(event).toMatchObject({ type: 'BeneficiaryRegistered', version: 1, source: 'beneficiaries', actor: 'social-worker' });
    expect(event.payload).toEqual({
      kind: 'child', beneficiaryId: body.id, districtCode: '946', communeCode: '31498', sex: 'female', birthMonth: '2014-05',
      circumstances: ['orphan', 'ethnic_minority'],
    });
    for (const personal of ['Thach Thi Sa Rinh', 'Thach Van Ton', '0912 345 678', '0912345678', '2014-05-20', 'fullName', 'guardian', 'birthDate']) {
      expect(event.raw).not.toContain(personal);
    }
  });

  it('takes the guardian as optional (null in the record)', async () => {
    const { body } = await kit.api().post('/children').send(aChild({ fullName: 'Thach Van Mong', guardianName: undefined, guardianPhone: undefined, sex: 'male' })).expect(201);
    expect(body).toMatchObject({ guardianName: null, guardianPhone: null, sex: 'male' });
  });

  it('answers 400 naming each bad field', async () => {
    const messages = await badFields(aChild({
      fullName: ' ', sex: 'boy', districtCode: 'D946', communeCode: 31498, circumstances: ['homeless', 'orphan', 'poverty'], guardianPhone: 'call me',
    }));
    for (const field of ['fullName', 'sex', 'districtCode', 'communeCode', 'circumstances.0', 'circumstances.2', 'guardianPhone']) {
      expect(messages).toContain(field);
    }
    expect(messages).not.toContain('circumstances.1');
    expect(messages).not.toContain('birthDate');
  });

  it('refuses a birth date that is not a date, in the future, or of someone 18 or older', async () => {
    const today = fundToday();
    const eighteenYearsAgo = `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`;
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(await badFields(aChild({ birthDate: '2014-02-30' }))).toBe('birthDate must be a date like 2014-05-20');
    expect(await badFields(aChild({ birthDate: tomorrow }))).toBe('birthDate must not be in the future');
    expect(await badFields(aChild({ birthDate: eighteenYearsAgo }))).toBe(`birthDate must be a child's: under 18, born after ${eighteenYearsAgo}`);
    await kit.api().post('/children').send(aChild({ birthDate: today })).expect(201);
  });

  it('refuses no circumstance, the same one twice, a missing field and an unknown one', async () => {
    expect(await badFields(aChild({ circumstances: [] }))).toContain('circumstances');
    expect(await badFields(aChild({ circumstances: ['orphan', 'disabled', 'orphan'] }))).toBe('circumstances must not list the same circumstance twice (orphan)');
    const { fullName: _, ...nameless } = aChild();
    expect(await badFields(nameless)).toContain('fullName');
    expect(await badFields(aChild({ address: '12 Le Loi' }))).toContain('property address should not exist');
  });

  it('writes and publishes nothing for a refused body', async () => {
    const before = (await kit.db.query('SELECT count(*)::int AS n FROM outbox'))[0].n;
    await kit.api().post('/children').send(aChild({ sex: 'x' })).expect(400);
    expect((await kit.db.query('SELECT count(*)::int AS n FROM outbox'))[0].n).toBe(before);
  });

  it('records a child once when the POST is retried with the same Idempotency-Key', async () => {
    const key = randomUUID();
    const send = () => kit.api().post('/children').set('Idempotency-Key', key).send(aChild({ fullName: 'Lam Minh Khang' }));
    const [first, retry] = [(await send().expect(201)).body, (await send().expect(201)).body];
    expect(retry).toEqual(first);
    expect((await kit.db.query("SELECT count(*)::int AS n FROM children WHERE full_name = 'Lam Minh Khang'"))[0].n).toBe(1);
    expect(await kit.outbox('BeneficiaryRegistered').then((es) => es.filter((e) => e.aggregateId === first.id))).toHaveLength(1);
  });

  it('replays the stored answer with Idempotent-Replayed: true, and refuses the same key with another body (422), writing nothing', async () => {
    const key = randomUUID();
    const post = (body: object) => kit.api().post('/children').set('Idempotency-Key', key).send(body);
    const first = await post(aChild({ fullName: 'Son Thi Bich Ngoc' })).expect(201);

    const replay = await post(aChild({ fullName: 'Son Thi Bich Ngoc' })).expect(201);
    const otherBody = await post(aChild({ fullName: 'Son Thi Bich Tram' })).expect(422);

    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.text).toBe(first.text);
    expect(otherBody.body.message).toBe(`Idempotency-Key ${key} was already used for a different request (POST /children); send a new key for a new request`);
    expect((await kit.db.query("SELECT count(*)::int AS n FROM children WHERE full_name LIKE 'Son Thi Bich%'"))[0].n).toBe(1);
    expect(await kit.outbox('BeneficiaryRegistered').then((es) => es.filter((e) => e.aggregateId === first.body.id))).toHaveLength(1);
    const [stored] = await kit.db.query('SELECT route, response_status, response_body FROM http_idempotency WHERE idempotency_key = $1', [key]);
    expect(stored).toEqual({ route: 'POST /children', response_status: 201, response_body: first.body });
  });

  it('answers 404 for an unknown child and 400 for an id that is not a UUID', async () => {
    const unknown = randomUUID();
    expect((await kit.api().get(`/children/${unknown}`).expect(404)).body.message).toBe(`child ${unknown} not found`);
    await kit.api().get('/children/42').expect(400);
  });
});
