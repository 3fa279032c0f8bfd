import { AllocationRejectedV1 } from '@giftflow/contracts';
import { waitFor } from '@giftflow/testing';
import { InventoryTestKit } from '../../test/inventory-test-kit';

describe('releasing stock when a reserved allocation is rejected', () => {
  let kit: InventoryTestKit;

  beforeAll(async () => {
    kit = await InventoryTestKit.start('giftflow_test_inventory_release');
    await kit.stockUp({ itemCode: 'backpack', warehouseCode: 'ST-FUND', quantity: 10, category: 'backpacks' });
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('puts the reserved units back, cancels the delivery and publishes StockReleased once, however often the rejection arrives', async () => {
    const held = await kit.requestAllocation([{ itemCode: 'backpack', quantity: 4 }], 'ST-FUND');
    await kit.waitForDeliveryStatus([held], 'reserved');
    expect(await kit.stock('backpack', 'ST-FUND')).toMatchObject({ reserved: 4, available: 6 });

    await kit.publish(AllocationRejectedV1, held, { allocationId: held, reason: 'already received a backpack this campaign' }, 2);
    await kit.publish(AllocationRejectedV1, held, { allocationId: held, reason: 'already received a backpack this campaign' });
    await kit.waitForDeliveryStatus([held], 'cancelled');
    // An allocation inventory itself turned down holds nothing: its rejection changes nothing.
    const refused = await kit.requestAllocation([{ itemCode: 'backpack', quantity: 99 }], 'ST-FUND');
    await kit.waitForOutbox(['StockReservationRejected'], 1);
    await kit.publish(AllocationRejectedV1, refused, { allocationId: refused, reason: 'insufficient stock' });
    await waitFor('both rejections handled', async () =>
      (await kit.db.query("SELECT count(*)::int AS n FROM inbox WHERE event_type = 'AllocationRejected'"))[0].n === 3);

    expect(await kit.stock('backpack', 'ST-FUND')).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    const released = await kit.outbox('StockReleased');
    expect(released).toEqual([expect.objectContaining({
      aggregateId: held, payload: { allocationId: held, reason: 'already received a backpack this campaign', lines: [expect.objectContaining({ itemCode: 'backpack', quantity: 4 })] },
    })]);
    expect((await kit.api().get(`/deliveries/${held}`).expect(200)).body).toMatchObject({ status: 'cancelled', reason: 'already received a backpack this campaign' });
    await kit.api().post(`/deliveries/${held}/dispatch`).send({ volunteer: 'An' }).expect(409);
  });
});
