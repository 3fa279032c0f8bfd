import { randomUUID } from 'node:crypto';
import { testBearer } from '@giftflow/testing';
import { InventoryTestKit } from '../../../test/inventory-test-kit';

/** Offline-safe marking: clientOpId replays, 409 instead of overwrites, happenedAt checks, and a phone's queue sent twice and shuffled. */
describe('offline-safe delivery marking', () => {
  let kit: InventoryTestKit;
  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
  const shuffled = <T>(items: T[]): T[] => items.map((v) => ({ v, k: Math.random() })).sort((a, b) => a.k - b.k).map((x) => x.v);

  const readyAllocations = async (n: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) ids.push(await kit.requestAllocation([{ itemCode: 'bicycle', quantity: 1 }], 'ST-FUND'));
    await kit.waitForDeliveryStatus(ids, 'reserved');
    for (const id of ids) await kit.confirmAllocation(id);
    await kit.waitForDeliveryStatus(ids, 'ready');
    return ids;
  };

  beforeAll(async () => {
    kit = await InventoryTestKit.start('giftflow_test_inventory_offline');
    await kit.stockUp({ itemCode: 'bicycle', warehouseCode: 'ST-FUND', quantity: 30 });
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('answers a repeated clientOpId with the first body, refuses another decision with 409 {currentStatus, decidedAt, by}, and checks happenedAt', async () => {
    const [id] = await readyAllocations(1);
    const dispatchedAt = minutesAgo(60);
    await kit.api().post(`/deliveries/${id}/dispatch`).send({ volunteer: 'Tran Van An', happenedAt: dispatchedAt }).expect(201);
    // Before the dispatch, or more than 5 minutes ahead of the server: 422.
    expect((await kit.api().post(`/deliveries/${id}/confirm`).send({ receivedBy: 'Hoa', happenedAt: minutesAgo(61) }).expect(422)).body.message).toContain('before the dispatch');
    expect((await kit.api().post(`/deliveries/${id}/confirm`).send({ receivedBy: 'Hoa', happenedAt: minutesAgo(-6) }).expect(422)).body.message).toContain('more than 5 minutes ahead');

    const clientOpId = randomUUID();
    const happenedAt = minutesAgo(30);
    const first = (await kit.api().post(`/deliveries/${id}/confirm`).send({ receivedBy: 'Nguyen Thi Hoa', relationship: 'grandmother', clientOpId, happenedAt }).expect(201)).body;
    expect(first).toMatchObject({ status: 'delivered', decidedAt: new Date(happenedAt).toISOString(), decidedBy: 'Tran Van An', relationship: 'grandmother' });
    const again = (await kit.api().post(`/deliveries/${id}/confirm`).send({ receivedBy: 'Nguyen Thi Hoa', relationship: 'grandmother', clientOpId, happenedAt }).expect(201)).body;
    expect(again).toEqual(first);

    const conflict = (await kit.api().post(`/deliveries/${id}/fail`).send({ reason: 'not_home' }).expect(409)).body;
    expect(conflict).toMatchObject({ currentStatus: 'delivered', decidedAt: first.decidedAt, by: 'Tran Van An' });
    await kit.api().post(`/deliveries/${id}/confirm`).send({ receivedBy: 'Someone else' }).expect(409);

    const events = (await kit.publishedEvents()).filter((e) => e.aggregateId === id);
    expect(events.filter((e) => e.type === 'DeliveryConfirmed')).toEqual([expect.objectContaining({
      version: 2, payload: expect.objectContaining({ relationship: 'other', happenedAt: new Date(happenedAt).toISOString() }),
    })]);
    expect(events.find((e) => e.type === 'ShipmentDispatched')!.payload).toMatchObject({ happenedAt: new Date(dispatchedAt).toISOString() });
    expect(JSON.stringify(events)).not.toMatch(/grandmother|Nguyen Thi Hoa/);
  });

  it('applies a queue of 30 operations sent shuffled, then again shuffled, with one conflict; the figures stay exact', async () => {
    const before = await kit.stock('bicycle', 'ST-FUND');
    const ids = await readyAllocations(16);
    const [x, y, ...rest] = ids;
    // x was dispatched by this phone while online; another volunteer confirmed it before the phone came back.
    await kit.api().post(`/deliveries/${x}/dispatch`).send({ volunteer: 'Tran Van An', happenedAt: minutesAgo(200) }).expect(201);
    await kit.api().post(`/deliveries/${x}/confirm`).set('Authorization', await testBearer({ id: 'office' })).send({ receivedBy: 'Le Van Binh', happenedAt: minutesAgo(100) }).expect(201);

    const op = (allocationId: string, action: string, minutes: number, more: object = {}) =>
      ({ clientOpId: randomUUID(), allocationId, action, happenedAt: minutesAgo(minutes), volunteer: 'Tran Van An', ...more });
    const queue = [
      ...rest.flatMap((id, i) => [
        op(id, 'dispatch', 180 - i * 2),
        i < 12 ? op(id, 'confirm', 179 - i * 2, { receivedBy: `family ${i}`, relationship: 'mother' })
          : op(id, 'fail', 179 - i * 2, i === 12 ? { reason: 'not_home' } : { reason: 'gate locked, dog barking' }),
      ]),
      op(y, 'dispatch', 90),
      op(x, 'fail', 95, { reason: 'refused' }),
    ];
    expect(queue).toHaveLength(30);
    const send = async () => {
      const sent = shuffled(queue);
      const { body } = await kit.api().post('/deliveries/sync').send({ operations: sent }).expect(200);
      expect(body.results.map((r: { clientOpId: string }) => r.clientOpId)).toEqual(sent.map((o) => o.clientOpId));
      return new Map<string, { outcome: string; status: string; message?: string }>(body.results.map((r: { clientOpId: string }) => [r.clientOpId, r]));
    };
    const expected = (o: (typeof queue)[number]) =>
      o.allocationId === x ? 'delivered' : o.action === 'dispatch' ? (o.allocationId === y ? 'dispatched' : undefined) : o.action === 'confirm' ? 'delivered' : 'failed';

    const first = await send();
    for (const o of queue) {
      const r = first.get(o.clientOpId)!;
      if (o.allocationId === x) expect(r).toMatchObject({ outcome: 'conflict', status: 'delivered' });
      else expect(r.outcome).toBe('applied');
      if (expected(o)) expect(r.status).toBe(expected(o));
    }
    const second = await send();
    for (const o of queue) {
      const r = second.get(o.clientOpId)!;
      expect(r.outcome).toBe(o.allocationId === x ? 'conflict' : 'duplicate');
      expect(r.status).toBe(first.get(o.clientOpId)!.status);
    }

    // 12 + x delivered, 2 failed (back on the shelf), y still out: on hand −13, reserved: y only.
    expect(await kit.stock('bicycle', 'ST-FUND')).toEqual({
      itemCode: 'bicycle', warehouseCode: 'ST-FUND', onHand: before.onHand - 13, reserved: before.reserved + 1, available: before.onHand - 14 - before.reserved, inTransit: 0,
    });
    const failed = (await kit.api().get('/deliveries?status=failed').expect(200)).body.items;
    expect(failed.map((d: { reason: string; note: string | null }) => [d.reason, d.note]).sort()).toEqual([['not_home', null], ['other', 'gate locked, dog barking']]);
    const events = (await kit.publishedEvents()).filter((e) => ids.includes(e.aggregateId));
    expect(events.filter((e) => e.type === 'DeliveryConfirmed')).toHaveLength(13);
    expect(events.filter((e) => e.type === 'DeliveryFailed').map((e) => e.payload.reason).sort()).toEqual(['not_home', 'other']);
    expect(events.filter((e) => e.type === 'ShipmentDispatched')).toHaveLength(16);
    const { ok } = (await kit.api().get('/stock/reconcile').expect(200)).body;
    expect(ok).toBe(true);
  });

  it('answers a malformed operation as invalid and still applies the rest', async () => {
    const [id] = await readyAllocations(1);
    const good = { clientOpId: randomUUID(), allocationId: id, action: 'dispatch', happenedAt: minutesAgo(5), volunteer: 'An' };
    const { body } = await kit.api().post('/deliveries/sync').send({ operations: [{ clientOpId: 'x', action: 'teleport' }, good, { ...good, clientOpId: randomUUID(), allocationId: randomUUID() }] }).expect(200);
    expect(body.results).toEqual([
      expect.objectContaining({ clientOpId: 'x', outcome: 'invalid', status: null }),
      { clientOpId: good.clientOpId, outcome: 'applied', status: 'dispatched' },
      expect.objectContaining({ outcome: 'invalid', status: null, message: expect.stringContaining('not found') }),
    ]);
    await kit.api().post('/deliveries/sync').send({ operations: [] }).expect(400);
  });
});
