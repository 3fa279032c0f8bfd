import { randomUUID } from 'node:crypto';
import { testBearer } from '@giftflow/testing';
import { BeneficiariesTestKit } from '../../../test/beneficiaries-test-kit';
import { fundToday } from '../../children/birth-date';

describe('POST /allocations, GET /allocations/:id', () => {
  let kit: BeneficiariesTestKit;
  let campaignId: string;

  beforeAll(async () => {
    kit = await BeneficiariesTestKit.start('giftflow_test_beneficiaries_allocations');
    campaignId = await kit.openCampaign();
  });
  afterAll(async () => {
    await kit?.close();
  });

  const allocationCount = async () => (await kit.db.query('SELECT count(*)::int AS n FROM allocations'))[0].n as number;

  it('accepts a request for a child (202, requested) and publishes AllocationRequested with the beneficiary ref', async () => {
    const childId = await kit.registerChild({ districtCode: '946' });
    const lines = [{ itemCode: 'bicycle', quantity: 1 }, { itemCode: 'notebook-set', quantity: 2 }];
    const { body } = await kit.api().post('/allocations').set('Authorization', await testBearer({ id: 'officer-lan' }))
      .send({ beneficiaryId: childId, campaignId, warehouseCode: 'ST-FUND', lines })
      .expect(202);
    const expected = { id: expect.any(String), beneficiaryId: childId, beneficiaryKind: 'child', districtCode: '946', campaignId, warehouseCode: 'ST-FUND', lines };
    expect(body).toEqual({
      ...expected, status: 'requested', reason: null, allocatedOn: fundToday(), planId: null, attempt: 1, requestedAt: expect.any(String), updatedAt: expect.any(String),
    });
    expect((await kit.api().get(`/allocations/${body.id}`).expect(200)).body).toEqual(body);

    const requested = (await kit.publishedEvents()).filter((e) => e.type === 'AllocationRequested');
    expect(requested).toEqual([expect.objectContaining({
      aggregateId: body.id, source: 'beneficiaries', actor: 'officer-lan',
      payload: { allocationId: body.id, beneficiaryId: childId, beneficiaryKind: 'child', districtCode: '946', campaignId, warehouseCode: 'ST-FUND', lines, allocatedOn: fundToday(), attempt: 1 },
    })]);
  });

  it('allocates to an institution too, with no campaign or warehouse', async () => {
    const institutionId = (await kit.api().post('/institutions').send({ name: 'School for Disabled Children', kind: 'special_school', districtCode: '941', residents: 120 }).expect(201)).body.id;
    const { body } = await kit.api().post('/allocations').send({ beneficiaryId: institutionId, lines: [{ itemCode: 'milk-carton-48', quantity: 30 }] }).expect(202);
    expect(body).toMatchObject({ beneficiaryKind: 'institution', districtCode: '941', campaignId: null, warehouseCode: null, status: 'requested' });
    const [event] = (await kit.outbox('AllocationRequested')).filter((e) => e.aggregateId === body.id);
    expect(event.payload).toEqual({
      allocationId: body.id, beneficiaryId: institutionId, beneficiaryKind: 'institution', districtCode: '941',
      campaignId: null, warehouseCode: null, lines: [{ itemCode: 'milk-carton-48', quantity: 30 }], allocatedOn: fundToday(), attempt: 1,
    });
  });

  it('answers 422 for an unknown beneficiary, and records and publishes nothing', async () => {
    const [rows, events] = [await allocationCount(), (await kit.outbox('AllocationRequested')).length];
    const unknown = randomUUID();
    const { body } = await kit.api().post('/allocations').send({ beneficiaryId: unknown, lines: [{ itemCode: 'bicycle', quantity: 1 }] }).expect(422);
    expect(body.message).toBe(`beneficiary ${unknown} not found`);
    expect([await allocationCount(), (await kit.outbox('AllocationRequested')).length]).toEqual([rows, events]);
  });

  it('answers 400 naming each bad field: no lines, an item twice, bad quantities and ids', async () => {
    const childId = await kit.registerChild();
    const bad = async (body: object) => (await kit.api().post('/allocations').send(body).expect(400)).body.message.join('\n') as string;
    const messages = await bad({ beneficiaryId: 'child-1', campaignId: 'mid-autumn', warehouseCode: 'ST FUND', lines: [{ itemCode: 'bicycle', quantity: 0 }, { itemCode: 'backpack', quantity: 1.5 }], allocatedOn: '2026-02-30' });
    for (const field of ['beneficiaryId', 'campaignId', 'warehouseCode', 'lines.0.quantity', 'lines.1.quantity', 'allocatedOn']) expect(messages).toContain(field);
    expect(await bad({ beneficiaryId: childId, lines: [] })).toBe('lines must contain at least 1 elements');
    expect(await bad({ beneficiaryId: childId, lines: [{ itemCode: 'bicycle', quantity: 1 }, { itemCode: 'bicycle', quantity: 2 }] }))
      .toBe('lines must not list the same item twice (bicycle)');
  });

  it('records one allocation when the POST is retried with the same Idempotency-Key, even concurrently', async () => {
    const childId = await kit.registerChild();
    const key = randomUUID();
    const send = () => kit.api().post('/allocations').set('Idempotency-Key', key).send({ beneficiaryId: childId, lines: [{ itemCode: 'backpack', quantity: 1 }] });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect((await kit.db.query('SELECT count(*)::int AS n FROM allocations WHERE beneficiary_id = $1', [childId]))[0].n).toBe(1);
  });

  it('answers 404 for an unknown allocation and 400 for an id that is not a UUID', async () => {
    const unknown = randomUUID();
    expect((await kit.api().get(`/allocations/${unknown}`).expect(404)).body.message).toBe(`allocation ${unknown} not found`);
    await kit.api().get('/allocations/123').expect(400);
  });
});
