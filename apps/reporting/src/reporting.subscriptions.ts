import {
  AllocationCancelledV1, AllocationConfirmedV1, AllocationRejectedV1, AllocationRequestedV1, BeneficiariesMergedV1, BeneficiaryRegisteredV1,
  BeneficiaryUpdatedV1, CampaignClosedV1, CampaignOpenedV1, DeliveryConfirmedV1, DeliveryConfirmedV2, DeliveryFailedV1, DeliveryFailedV2,
  EventDefinition, EventOf, GiftReturnedV1, GoodsReceivedV1, ItemRegisteredV1, PledgeAmendedV1, PledgeCancelledV1, PledgeClosedV1,
  PledgeRecordedV1, Publisher, ShipmentDispatchedV1, SponsorshipCancelledV1, SponsorshipEndedV1, SponsorshipEnrolledV1,
  SponsorshipInstalmentPaidV1, StockAdjustedV1, StockReleasedV1, StockReservedV1,
} from '@giftflow/contracts';
import { Subscription, onEach } from '@giftflow/messaging';
import type { z } from 'zod';
import {
  recordAllocationCancelled, recordAllocationLines, recordAllocationRejected, recordRequestedLines, recordReservedLots,
} from './projections/allocations.projection';
import { recordBeneficiaryVersions, recordMerge } from './projections/beneficiaries.projection';
import { recordCampaign, recordCampaignClosure } from './projections/campaigns.projection';
import { recordCatalogueItems } from './projections/catalogue.projection';
import {
  recordDeliveredLots, recordDeliveryFailure, recordDispatch, recordGiftReturn, recordReleasedLots, recordStockAdjustment,
} from './projections/deliveries.projection';
import { recordPledgeAmendment, recordPledgeCancellation, recordPledgeClosure, recordPledgeLines } from './projections/pledges.projection';
import { FactBatch, ProjectionTarget } from './projections/projection-target';
import { recordReceiptLots } from './projections/receipts.projection';
import {
  recordInstalment, recordSponsorship, recordSponsorshipCancelled, recordSponsorshipEnded,
} from './projections/sponsorships.projection';

type AnyDefinition = EventDefinition<string, number, z.ZodType>;

interface Projection {
  definition: AnyDefinition;
  /** The subscription of the consumer that builds `generation`. */
  into(generation: number): Subscription;
}

/** A projection that sees the chunk's run of its events at once (it reads state, or upserts). */
function projectRun<D extends AnyDefinition>(definition: D, apply: (events: EventOf<D>[], target: ProjectionTarget) => Promise<void>): Projection {
  return {
    definition,
    // A batch subscription: the chunk's run of these events is applied, then its facts written together.
    into: (generation) =>
      onEach(definition, async (events, tx) => {
        const target: ProjectionTarget = { manager: tx.manager, generation, facts: new FactBatch() };
        await apply(events, target);
        await target.facts.flush(tx.manager);
      }),
  };
}

/** A projection of one event at a time into fact rows, written together for the run. */
function project<D extends AnyDefinition>(definition: D, apply: (event: EventOf<D>, target: ProjectionTarget) => Promise<void>): Projection {
  return projectRun(definition, async (events, target) => {
    for (const event of events) await apply(event, target);
  });
}

/**
 * Every event reporting consumes, and the read model function it feeds (STYLE 4). Anything else is skipped.
 * Every projection is idempotent by itself (facts keyed by the event that stated them, ON CONFLICT DO NOTHING;
 * versions and upserts guarded by occurredAt), so a replay would need no inbox to count each event once.
 */
export const REPORTING_PROJECTIONS: Projection[] = [
  // donors
  project(PledgeRecordedV1, recordPledgeLines),
  project(PledgeAmendedV1, recordPledgeAmendment),
  project(PledgeCancelledV1, recordPledgeCancellation),
  project(PledgeClosedV1, recordPledgeClosure),
  project(CampaignOpenedV1, recordCampaign),
  project(CampaignClosedV1, recordCampaignClosure),
  // inventory
  projectRun(ItemRegisteredV1, recordCatalogueItems),
  project(GoodsReceivedV1, recordReceiptLots),
  project(StockReservedV1, recordReservedLots),
  project(StockReleasedV1, recordReleasedLots),
  project(StockAdjustedV1, recordStockAdjustment),
  project(ShipmentDispatchedV1, recordDispatch),
  project(DeliveryConfirmedV1, recordDeliveredLots),
  project(DeliveryConfirmedV2, recordDeliveredLots),
  project(DeliveryFailedV1, recordDeliveryFailure),
  project(DeliveryFailedV2, recordDeliveryFailure),
  project(GiftReturnedV1, recordGiftReturn),
  // beneficiaries
  projectRun(BeneficiaryRegisteredV1, recordBeneficiaryVersions),
  projectRun(BeneficiaryUpdatedV1, recordBeneficiaryVersions),
  project(BeneficiariesMergedV1, recordMerge),
  project(AllocationRequestedV1, recordRequestedLines),
  project(AllocationConfirmedV1, recordAllocationLines),
  project(AllocationRejectedV1, recordAllocationRejected),
  project(AllocationCancelledV1, recordAllocationCancelled),
  project(SponsorshipEnrolledV1, recordSponsorship),
  project(SponsorshipInstalmentPaidV1, recordInstalment),
  project(SponsorshipCancelledV1, recordSponsorshipCancelled),
  project(SponsorshipEndedV1, recordSponsorshipEnded),
];

/** The publishers whose topics the projections read. */
export const REPORTING_CONSUMES: Publisher[] = [...new Set(REPORTING_PROJECTIONS.map((p) => p.definition.source))];

export const subscriptionsFor = (generation: number): Subscription[] => REPORTING_PROJECTIONS.map((p) => p.into(generation));
