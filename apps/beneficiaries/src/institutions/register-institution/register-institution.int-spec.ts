import { randomUUID } from 'node:crypto';
import { BeneficiariesTestKit } from '../../../test/beneficiaries-test-kit';
import { TEST_ADMIN } from '@giftflow/testing';

describe('POST /institutions, GET /institutions/:id', () => {
  let kit: BeneficiariesTestKit;
  const orphanage = { name: 'Nang Nhon Pagoda orphanage', kind: 'orphanage', districtCode: '941', residents: 42 };

  beforeAll(async () => {
    kit = await BeneficiariesTestKit.start('giftflow_test_beneficiaries_institutions');
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('records the institution (201) and publishes BeneficiaryRegistered of kind institution', async () => {
    const { body } = await kit.api().post('/institutions').send(orphanage).expect(201);
    expect(body).toEqual({ id: expect.any(String), ...orphanage, registeredAt: expect.any(String) });
    expect((await kit.api().get(`/institutions/${body.id}`).expect(200)).body).toEqual(body);

    const events = await kit.publishedEvents();
    expect(events).toEqual([expect.objectContaining({
      type: 'BeneficiaryRegistered', aggregateId: body.id, actor: TEST_ADMIN.id,
      payload: { kind: 'institution', beneficiaryId: body.id, districtCode: '941', institutionKind: 'orphanage', residents: 42 },
    })]);
  });

  it('answers 400 naming each bad field', async () => {
    const { body } = await kit.api().post('/institutions').send({ name: '', kind: 'hospital', districtCode: 'ST', residents: 0 }).expect(400);
    const messages: string = body.message.join('\n');
    for (const field of ['name', 'kind', 'districtCode', 'residents']) expect(messages).toContain(field);
    const fractional = await kit.api().post('/institutions').send({ ...orphanage, residents: 2.5 }).expect(400);
    expect(fractional.body.message).toEqual(['residents must be an integer number']);
  });

  it('answers 404 for an unknown institution and 400 for an id that is not a UUID', async () => {
    const unknown = randomUUID();
    expect((await kit.api().get(`/institutions/${unknown}`).expect(404)).body.message).toBe(`institution ${unknown} not found`);
    await kit.api().get('/institutions/nope').expect(400);
  });
});
