import { randomUUID } from 'node:crypto';
import {
  DeliveryConfirmedV1, DeliveryFailedV1, Envelope, LotQuantity, ShipmentDispatchedV1, StockReservationRejectedV1, StockReservedV1,
} from '@giftflow/contracts';
import { DLQ_HEADERS } from '@giftflow/messaging';
import { waitFor } from '@giftflow/testing';
import { BeneficiariesTestKit } from '../../../test/beneficiaries-test-kit';

/** Inventory's side of the saga is played by publishing its events to `<prefix>inventory.events`. */
describe('the allocation saga, driven by inventory events', () => {
  let kit: BeneficiariesTestKit;
  const lines = [{ itemCode: 'bicycle', quantity: 1 }, { itemCode: 'backpack', quantity: 2 }];

  beforeAll(async () => {
    kit = await BeneficiariesTestKit.start('giftflow_test_beneficiaries_saga');
  });
  afterAll(async () => {
    await kit?.close();
  });

  const requestAllocation = async (): Promise<{ id: string; beneficiaryId: string }> => {
    const beneficiaryId = await kit.registerChild({ districtCode: '951' });
    const { body } = await kit.api().post('/allocations').send({ beneficiaryId, warehouseCode: 'ST-FUND', lines }).expect(202);
    return { id: body.id, beneficiaryId };
  };
  const allocation = async (id: string) => (await kit.api().get(`/allocations/${id}`).expect(200)).body;
  const waitForStatus = (id: string, status: string) =>
    waitFor(`allocation ${id} to be ${status}`, async () => {
      const body = await allocation(id);
      return body.status === status && body;
    });
  const lots = (): LotQuantity[] => lines.map((l) => ({ ...l, lotId: randomUUID(), pledgeId: randomUUID(), warehouseCode: 'ST-FUND', unitValueVnd: 250_000 }));
  const stockReserved = (allocationId: string) => kit.envelope(StockReservedV1, allocationId, { allocationId, lines: lots() });
  const dispatched = (allocationId: string) => kit.envelope(ShipmentDispatchedV1, allocationId, { allocationId, dispatchedAt: new Date().toISOString() });
  const delivered = (allocationId: string, beneficiaryId: string) => kit.envelope(DeliveryConfirmedV1, allocationId, {
    allocationId, beneficiaryId, beneficiaryKind: 'child', districtCode: '951', relationship: 'mother', deliveredAt: new Date().toISOString(), lines: lots(),
  });
  const failed = (allocationId: string, reason: string) => kit.envelope(DeliveryFailedV1, allocationId, { allocationId, reason, failedAt: new Date().toISOString() });
  const publishedFor = async (type: string, allocationId: string) => (await kit.outbox(type)).filter((e) => e.aggregateId === allocationId);

  it('StockReserved → confirmed, and AllocationConfirmed is published with the beneficiary ref and lines', async () => {
    const { id, beneficiaryId } = await requestAllocation();
    const reserved = stockReserved(id);
    await kit.send(reserved);
    expect(await waitForStatus(id, 'confirmed')).toMatchObject({ reason: null, lines });

    const confirmed = (await kit.publishedEvents()).filter((e) => e.type === 'AllocationConfirmed' && e.aggregateId === id);
    expect(confirmed).toEqual([expect.objectContaining({
      source: 'beneficiaries', actor: 'warehouse', causationId: reserved.id, correlationId: reserved.correlationId,
      payload: { allocationId: id, beneficiaryId, beneficiaryKind: 'child', districtCode: '951', lines },
    })]);
  });

  it('StockReservationRejected → rejected with its reason, and AllocationRejected is published', async () => {
    const { id } = await requestAllocation();
    await kit.publish(StockReservationRejectedV1, id, {
      allocationId: id, reason: 'insufficient stock', shortages: [{ itemCode: 'bicycle', requested: 1, available: 0 }],
    });
    expect(await waitForStatus(id, 'rejected')).toMatchObject({ reason: 'insufficient stock' });

    const rejected = (await kit.publishedEvents()).filter((e) => e.type === 'AllocationRejected' && e.aggregateId === id);
    expect(rejected.map((e) => e.payload)).toEqual([{ allocationId: id, reason: 'insufficient stock' }]);
  });

  it('ShipmentDispatched → dispatched, then DeliveryConfirmed → delivered', async () => {
    const { id, beneficiaryId } = await requestAllocation();
    await kit.send(stockReserved(id), dispatched(id));
    await waitForStatus(id, 'dispatched');
    await kit.send(delivered(id, beneficiaryId));
    expect(await waitForStatus(id, 'delivered')).toMatchObject({ reason: null });
  });

  it('DeliveryFailed → failed with its reason, whether the gift was dispatched or still waiting', async () => {
    const onTheWay = await requestAllocation();
    const waiting = await requestAllocation();
    await kit.send(stockReserved(onTheWay.id), dispatched(onTheWay.id), failed(onTheWay.id, 'family moved'));
    await kit.send(stockReserved(waiting.id), failed(waiting.id, 'child in hospital'));
    expect(await waitForStatus(onTheWay.id, 'failed')).toMatchObject({ reason: 'family moved' });
    expect(await waitForStatus(waiting.id, 'failed')).toMatchObject({ reason: 'child in hospital' });
  });

  it('the same event twice changes nothing: one confirmation, one AllocationConfirmed, the record untouched', async () => {
    const { id } = await requestAllocation();
    const reserved = stockReserved(id);
    await kit.send(reserved, reserved);
    const first = await waitForStatus(id, 'confirmed');
    // The same envelope again (a redelivery), and the same fact under a new event id (a re-sent event).
    const again: Envelope = { ...reserved, id: randomUUID() };
    await kit.send(reserved, again);
    await kit.handled(again);
    expect(await allocation(id)).toEqual(first);
    expect(await publishedFor('AllocationConfirmed', id)).toHaveLength(1);
    expect((await kit.db.query('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [reserved.id]))[0].n).toBe(1);
  });

  it('ignores events that do not apply to the status (out of order or stale) and goes on with the next', async () => {
    const { id, beneficiaryId } = await requestAllocation();
    const early = delivered(id, beneficiaryId); // before it was even confirmed
    await kit.send(early);
    await kit.handled(early);
    expect(await allocation(id)).toMatchObject({ status: 'requested', reason: null });

    await kit.send(stockReserved(id));
    await waitForStatus(id, 'confirmed');
    const lateRejection = kit.envelope(StockReservationRejectedV1, id, { allocationId: id, reason: 'insufficient stock', shortages: [] });
    await kit.send(lateRejection);
    await kit.handled(lateRejection);
    expect(await allocation(id)).toMatchObject({ status: 'confirmed', reason: null });
    expect(await publishedFor('AllocationRejected', id)).toEqual([]);

    await kit.send(dispatched(id), delivered(id, beneficiaryId), failed(id, 'too late'));
    await waitForStatus(id, 'delivered');
    const afterDelivery = failed(id, 'too late again');
    await kit.send(afterDelivery);
    await kit.handled(afterDelivery);
    expect(await allocation(id)).toMatchObject({ status: 'delivered', reason: null });
  });

  it('dead-letters an event for an allocation it never created, and the partition flows on', async () => {
    const { id } = await requestAllocation();
    const never = randomUUID();
    // Keyed like the real allocation, so both share a partition and the second has to get past the first.
    const poison = kit.envelope(StockReservedV1, id, { allocationId: never, lines: lots() });
    await kit.send(poison, stockReserved(id));
    await waitForStatus(id, 'confirmed');

    const [letter] = await kit.deadLetters(1);
    expect(JSON.parse(letter.value!.toString()).id).toBe(poison.id);
    expect(letter.headers![DLQ_HEADERS.error]!.toString()).toContain(`allocation ${never}, which beneficiaries never created`);
    expect(letter.headers![DLQ_HEADERS.consumer]!.toString()).toBe('beneficiaries');
    expect(await kit.db.query('SELECT 1 FROM allocations WHERE id = $1', [never])).toEqual([]);
  });
});
