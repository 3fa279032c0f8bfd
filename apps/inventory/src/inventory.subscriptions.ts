import { AllocationCancelledV1, AllocationConfirmedV1, AllocationRejectedV1, AllocationRequestedV1, PledgeCancelledV1, PledgeRecordedV1 } from '@giftflow/contracts';
import { subscribe } from '@giftflow/messaging';
import { MarkReadyWhenAllocationConfirmedConsumer } from './deliveries/mark-ready-when-allocation-confirmed.consumer';
import { ReleaseStockWhenAllocationCancelledConsumer } from './deliveries/release-stock-when-allocation-cancelled.consumer';
import { ReleaseStockWhenAllocationRejectedConsumer } from './deliveries/release-stock-when-allocation-rejected.consumer';
import { ReserveStockWhenAllocationRequestedConsumer } from './deliveries/reserve-stock-when-allocation-requested.consumer';
import { CopyPledgeWhenPledgeRecordedConsumer } from './pledges/copy-pledge-when-pledge-recorded.consumer';
import { MarkPledgeCancelledWhenPledgeCancelledConsumer } from './pledges/mark-pledge-cancelled-when-pledge-cancelled.consumer';

/** Every event inventory consumes, and what handles it (docs/conventions.md §4). */
export const INVENTORY_SUBSCRIPTIONS = [
  // donors.events: the local copy of pledges that receipts are checked against
  subscribe(PledgeRecordedV1, CopyPledgeWhenPledgeRecordedConsumer),
  subscribe(PledgeCancelledV1, MarkPledgeCancelledWhenPledgeCancelledConsumer),
  // beneficiaries.events: the allocation saga (a retry is AllocationRequested again with attempt 2, 3, …)
  subscribe(AllocationRequestedV1, ReserveStockWhenAllocationRequestedConsumer),
  subscribe(AllocationConfirmedV1, MarkReadyWhenAllocationConfirmedConsumer),
  subscribe(AllocationRejectedV1, ReleaseStockWhenAllocationRejectedConsumer),
  subscribe(AllocationCancelledV1, ReleaseStockWhenAllocationCancelledConsumer),
];

export const INVENTORY_CONSUMERS = INVENTORY_SUBSCRIPTIONS.map((s) => s.handler);
