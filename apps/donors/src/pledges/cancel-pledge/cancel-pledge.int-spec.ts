import { randomUUID } from 'node:crypto';
import { DonorsTestKit } from '../../../test/donors-test-kit';
import { TEST_ADMIN, testBearer } from '@giftflow/testing';

describe('POST /pledges/:id/cancel (real PostgreSQL and Kafka)', () => {
  let kit: DonorsTestKit;
  const cancel = (id: string, reason = 'donor withdrew') => kit.api().post(`/pledges/${id}/cancel`).set('Authorization', actorBearer).send({ reason });
  let actorBearer = ''; // signed in as staff:lan: the events name them as actor
  beforeAll(async () => {
    actorBearer = await testBearer({ id: 'staff:lan' });
  });

  beforeAll(async () => {
    kit = await DonorsTestKit.start('giftflow_test_donors_cancel_pledge');
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('cancels a pledge nothing has arrived for, publishes PledgeCancelled once, and a repeated cancel changes nothing', async () => {
    const pledge = await kit.givenPledge();

    const { body: cancelled } = await cancel(pledge.id).expect(201);
    const again = await cancel(pledge.id, 'asked twice').expect(201);

    expect(cancelled).toMatchObject({ id: pledge.id, status: 'cancelled', cancelReason: 'donor withdrew' });
    expect(again.body).toEqual(cancelled);
    expect(await kit.pledge(pledge.id)).toEqual(cancelled);
    const events = (await kit.publishedEvents()).filter((e) => e.aggregateId === pledge.id).map((e) => [e.type, e.actor, e.payload]);
    expect(events).toEqual([
      ['PledgeRecorded', TEST_ADMIN.id, expect.anything()],
      ['PledgeCancelled', 'staff:lan', { pledgeId: pledge.id, reason: 'donor withdrew' }],
      ['PledgeStatusChanged', 'staff:lan', { pledgeId: pledge.id, from: 'pledged', to: 'cancelled' }],
    ]);
  });

  it('refuses with 409 once any goods have been received, and leaves the pledge as it was', async () => {
    const pledge = await kit.givenPledge();
    await kit.inventoryPublishes(kit.goodsReceived(pledge.id, [['bicycle', 1]]));
    await kit.pledgeOnceIt(pledge.id, 'partially received', (p) => p.status === 'partially_received');

    const reply = await cancel(pledge.id).expect(409);

    expect(reply.body.message).toBe(`pledge ${pledge.id} cannot be cancelled: 1 of its goods have already been received`);
    expect(await kit.pledge(pledge.id)).toMatchObject({ status: 'partially_received', cancelReason: null });
    expect(await kit.outbox('PledgeCancelled', pledge.id)).toEqual([]);
  });

  it('counts goods that arrive after a cancel, but the pledge stays cancelled', async () => {
    const pledge = await kit.givenPledge();
    await cancel(pledge.id).expect(201);

    await kit.inventoryPublishes(kit.goodsReceived(pledge.id, [['bicycle', 20]]));

    const after = await kit.pledgeOnceIt(pledge.id, '20 received', (p) => p.lines[0].received === 20);
    expect(after.status).toBe('cancelled');
    expect(await kit.outbox('PledgeStatusChanged', pledge.id)).toHaveLength(1); // only pledged → cancelled
  });

  it('answers 404 for an unknown pledge and 400 for a blank reason or an id that is not a UUID', async () => {
    const ghost = randomUUID();
    expect((await cancel(ghost).expect(404)).body.message).toBe(`pledge ${ghost} not found`);
    expect((await cancel((await kit.givenPledge()).id, '  ').expect(400)).body.message).toEqual(['reason must not be blank']);
    await cancel('not-a-uuid').expect(400);
  });
});
