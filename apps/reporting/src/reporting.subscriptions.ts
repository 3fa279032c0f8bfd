import {
  AllocationConfirmedV1, DeliveryConfirmedV1, PledgeCancelledV1, EventDefinition, EventOf, GoodsReceivedV1, ItemRegisteredV1, PledgeRecordedV1, Publisher,
  StockReleasedV1, StockReservedV1,
} from '@giftflow/contracts';
import { Subscription, onEach } from '@giftflow/messaging';
import type { z } from 'zod';
import { recordAllocationLines, recordReservedLots } from './projections/allocations.projection';
import { recordCatalogueItem } from './projections/catalogue.projection';
import { recordDeliveredLots } from './projections/deliveries.projection';
import { recordPledgeCancellation } from './projections/pledge-cancellations.projection';
import { recordPledgeLines } from './projections/pledge-lines.projection';
import { FactBatch, ProjectionTarget } from './projections/projection-target';
import { recordReceiptLots } from './projections/receipt-lots.projection';
import { recordReleasedLots } from './projections/releases.projection';

interface Projection {
  definition: EventDefinition<string, number, z.ZodType>;
  /** The subscription of the consumer that builds `generation`. */
  into(generation: number): Subscription;
}

function project<D extends EventDefinition<string, number, z.ZodType>>(
  definition: D,
  apply: (event: EventOf<D>, target: ProjectionTarget) => Promise<void>,
): Projection {
  return {
    definition,
    // A batch subscription: the chunk's run of these events is applied, then its facts written together.
    into: (generation) =>
      onEach(definition, async (events, tx) => {
        const target: ProjectionTarget = { manager: tx.manager, generation, facts: new FactBatch() };
        for (const event of events) await apply(event, target);
        await target.facts.flush(tx.manager);
      }),
  };
}

/** Every event reporting consumes, and the read model function it feeds (STYLE 4). Anything else is skipped. */
export const REPORTING_PROJECTIONS: Projection[] = [
  project(ItemRegisteredV1, recordCatalogueItem),
  project(PledgeRecordedV1, recordPledgeLines),
  project(PledgeCancelledV1, recordPledgeCancellation),
  project(GoodsReceivedV1, recordReceiptLots),
  project(StockReservedV1, recordReservedLots),
  project(AllocationConfirmedV1, recordAllocationLines),
  project(DeliveryConfirmedV1, recordDeliveredLots),
  project(StockReleasedV1, recordReleasedLots),
];

/** The publishers whose topics the projections read. */
export const REPORTING_CONSUMES: Publisher[] = [...new Set(REPORTING_PROJECTIONS.map((p) => p.definition.source))];

export const subscriptionsFor = (generation: number): Subscription[] => REPORTING_PROJECTIONS.map((p) => p.into(generation));
