import { randomUUID } from 'node:crypto';
import { DeliveryConfirmedV2, DeliveryFailedV1, DeliveryFailedV2, LotQuantity, ShipmentDispatchedV1, StockReservedV1 } from '@giftflow/contracts';
import { testBearer, waitFor } from '@giftflow/testing';
import { BeneficiariesTestKit } from '../../../test/beneficiaries-test-kit';

/** Issue #9: staff cancel before dispatch, retry after a failed delivery; inventory's side is played by its events. */
describe('POST /allocations/:id/cancel and /retry, GET /allocations', () => {
  let kit: BeneficiariesTestKit;
  const lines = [{ itemCode: 'bicycle', quantity: 1 }];

  beforeAll(async () => {
    kit = await BeneficiariesTestKit.start('giftflow_test_beneficiaries_cancel_retry');
  });
  afterAll(async () => {
    await kit?.close();
  });

  const requestAllocation = async (beneficiaryId?: string): Promise<string> => {
    const { body } = await kit.api().post('/allocations').send({ beneficiaryId: beneficiaryId ?? await kit.registerChild(), warehouseCode: 'ST-FUND', lines }).expect(202);
    return body.id;
  };
  const allocation = async (id: string) => (await kit.api().get(`/allocations/${id}`).expect(200)).body;
  const waitForStatus = (id: string, status: string) => waitFor(`allocation ${id} to be ${status}`, async () => {
    const body = await allocation(id);
    return body.status === status && body;
  });
  const lots = (): LotQuantity[] => lines.map((l) => ({ ...l, lotId: randomUUID(), pledgeId: randomUUID(), warehouseCode: 'ST-FUND', unitValueVnd: 1_800_000 }));
  const reserved = (id: string) => kit.envelope(StockReservedV1, id, { allocationId: id, lines: lots() });
  const dispatched = (id: string) => kit.envelope(ShipmentDispatchedV1, id, { allocationId: id, dispatchedAt: new Date().toISOString(), happenedAt: new Date().toISOString() });
  const publishedFor = async (type: string, id: string) => (await kit.outbox(type)).filter((e) => e.aggregateId === id);

  it('cancels a requested or confirmed allocation: cancelled with its reason, AllocationCancelled published', async () => {
    const requested = await requestAllocation();
    const { body } = await kit.api().post(`/allocations/${requested}/cancel`).set('Authorization', await testBearer({ id: 'officer-lan' })).send({ reason: 'family moved away' }).expect(200);
    expect(body).toMatchObject({ id: requested, status: 'cancelled', reason: 'family moved away' });
    const [event] = (await kit.publishedEvents()).filter((e) => e.type === 'AllocationCancelled' && e.aggregateId === requested);
    expect(event).toMatchObject({ actor: 'officer-lan', payload: { allocationId: requested, reason: 'family moved away' } });

    const confirmed = await requestAllocation();
    await kit.send(reserved(confirmed));
    await waitForStatus(confirmed, 'confirmed');
    await kit.api().post(`/allocations/${confirmed}/cancel`).send({ reason: 'duplicate' }).expect(200);
    // a StockReserved arriving after the cancellation changes nothing
    const late = reserved(requested);
    await kit.send(late);
    await kit.handled(late);
    expect(await allocation(requested)).toMatchObject({ status: 'cancelled' });
  });

  it('answers 409 once dispatched, 404 unknown, 400 without a reason', async () => {
    const id = await requestAllocation();
    await kit.send(reserved(id), dispatched(id));
    await waitForStatus(id, 'dispatched');
    expect((await kit.api().post(`/allocations/${id}/cancel`).send({ reason: 'too late' }).expect(409)).body.message)
      .toBe(`allocation ${id} is dispatched: only a requested, confirmed or failed allocation can be cancelled`);
    expect(await publishedFor('AllocationCancelled', id)).toEqual([]);
    await kit.api().post(`/allocations/${randomUUID()}/cancel`).send({ reason: 'x' }).expect(404);
    await kit.api().post(`/allocations/${id}/cancel`).send({}).expect(400);
  });

  it('retries a failed delivery: requested again with attempt 2 (AllocationRequested), then confirmed and delivered (v2 events)', async () => {
    const id = await requestAllocation();
    await kit.send(reserved(id), dispatched(id), kit.envelope(DeliveryFailedV2, id, { allocationId: id, reason: 'not_home', happenedAt: new Date().toISOString() }));
    expect(await waitForStatus(id, 'failed')).toMatchObject({ reason: 'not_home', attempt: 1 });

    const { body } = await kit.api().post(`/allocations/${id}/retry`).expect(202);
    expect(body).toMatchObject({ id, status: 'requested', reason: null, attempt: 2 });
    const requests = await publishedFor('AllocationRequested', id);
    expect(requests.map((e) => e.payload.attempt)).toEqual([1, 2]);
    expect(requests[1].payload).toMatchObject({ allocationId: id, lines, warehouseCode: 'ST-FUND' });

    await kit.send(reserved(id), dispatched(id));
    await waitForStatus(id, 'dispatched');
    const [child] = [body.beneficiaryId];
    await kit.send(kit.envelope(DeliveryConfirmedV2, id, {
      allocationId: id, beneficiaryId: child, beneficiaryKind: 'child', districtCode: '946', relationship: 'mother', happenedAt: new Date().toISOString(),
      lines: [{ lotId: randomUUID(), pledgeId: null, itemCode: 'bicycle', warehouseCode: 'ST-FUND', quantity: 1, unitValueVnd: 1_800_000 }],
    }));
    expect(await waitForStatus(id, 'delivered')).toMatchObject({ attempt: 2 });
    expect((await kit.api().post(`/allocations/${id}/retry`).expect(409)).body.message).toBe(`allocation ${id} is delivered: only a failed delivery can be retried`);
  });

  it('a failed allocation can be cancelled instead of retried (v1 DeliveryFailed too)', async () => {
    const id = await requestAllocation();
    await kit.send(reserved(id), kit.envelope(DeliveryFailedV1, id, { allocationId: id, reason: 'child in hospital', failedAt: new Date().toISOString() }));
    await waitForStatus(id, 'failed');
    await kit.api().post(`/allocations/${id}/cancel`).send({ reason: 'gift given at school instead' }).expect(200);
    await kit.api().post(`/allocations/${id}/retry`).expect(409);
  });

  it('lists allocations by beneficiary, status and page: {items, total, page, pageSize}', async () => {
    const childId = await kit.registerChild();
    const ids = [await requestAllocation(childId), await requestAllocation(childId), await requestAllocation(childId)];
    await kit.api().post(`/allocations/${ids[0]}/cancel`).send({ reason: 'x' }).expect(200);
    await kit.api().post(`/allocations/${ids[0]}/cancel`).send({ reason: 'again' }).expect(409);
    const first = (await kit.api().get(`/allocations?beneficiaryId=${childId}&pageSize=2`).expect(200)).body;
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    const second = (await kit.api().get(`/allocations?beneficiaryId=${childId}&pageSize=2&page=2`).expect(200)).body;
    expect(new Set([...first.items, ...second.items].map((a: { id: string }) => a.id))).toEqual(new Set(ids));
    const cancelled = (await kit.api().get(`/allocations?beneficiaryId=${childId}&status=cancelled`).expect(200)).body;
    expect(cancelled).toMatchObject({ total: 1, items: [expect.objectContaining({ id: ids[0] })], page: 1, pageSize: 20 });
    await kit.api().get('/allocations?status=lost').expect(400);
    await kit.api().get('/allocations?pageSize=1000').expect(400);
  });
});
