import 'reflect-metadata';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { InventoryModule } from './inventory.module';
import { INVENTORY_SUBSCRIPTIONS } from './inventory.subscriptions';

describe('inventory subscriptions', () => {
  it('handle every event the warehouse needs, each with a handler the module provides', () => {
    expect(INVENTORY_SUBSCRIPTIONS.map((s) => s.on.key).sort()).toEqual(
      ['AllocationCancelled.v1', 'AllocationConfirmed.v1', 'AllocationRejected.v1', 'AllocationRequested.v1', 'PledgeCancelled.v1', 'PledgeRecorded.v1'],
    );
    const providers: unknown[] = Reflect.getMetadata(MODULE_METADATA.PROVIDERS, InventoryModule);
    for (const s of INVENTORY_SUBSCRIPTIONS) expect(providers).toContain(s.handler);
  });
});
