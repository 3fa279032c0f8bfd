import {
  AllocationCancelledV1, AllocationConfirmedV1, AllocationRejectedV1, AllocationRequestedV1, BeneficiariesMergedV1, BeneficiaryRegisteredV1,
  BeneficiaryUpdatedV1, CampaignClosedV1, CampaignOpenedV1, DeliveryConfirmedV1, DeliveryConfirmedV2, DeliveryFailedV1, DeliveryFailedV2,
  EventDefinition, EventOf, GiftReturnedV1, GiftflowEvent, GoodsReceivedV1, ItemRegisteredV1, PledgeAmendedV1, PledgeCancelledV1, PledgeClosedV1,
  PledgeRecordedV1, Publisher, ShipmentDispatchedV1, SponsorshipCancelledV1, SponsorshipEndedV1, SponsorshipEnrolledV1,
  SponsorshipInstalmentPaidV1, StockAdjustedV1, StockReleasedV1, StockReservedV1,
} from '@giftflow/contracts';
import { EntityManager } from 'typeorm';
import type { z } from 'zod';
import {
  recordAllocationCancelled, recordAllocationLines, recordAllocationRejected, recordRequestedLines, recordReservedLots,
} from './projections/allocations.projection';
import { recordBeneficiaryVersions, recordMerge } from './projections/beneficiaries.projection';
import { recordCampaign, recordCampaignClosure } from './projections/campaigns.projection';
import { recordCatalogueItems } from './projections/catalogue.projection';
import {
  linkDeliveryCampaigns, recordDeliveredLots, recordDeliveryFailure, recordDispatch, recordGiftReturn, recordReleasedLots, recordStockAdjustment,
} from './projections/deliveries.projection';
import { recordPledgeAmendment, recordPledgeCancellation, recordPledgeClosure, recordPledgeLines } from './projections/pledges.projection';
import { FactBatch, ProjectionTarget } from './projections/projection-target';
import { recordReceiptLots } from './projections/receipts.projection';
import {
  recordInstalment, recordSponsorship, recordSponsorshipCancelled, recordSponsorshipEnded,
} from './projections/sponsorships.projection';

type AnyDefinition = EventDefinition<string, number, z.ZodType>;

/** One event type at one version and the read model function it feeds. */
export interface Projection {
  definition: AnyDefinition;
  /** Applies a run of consecutive events of its group (one type, or the types sharing `group`). */
  apply(events: GiftflowEvent[], target: ProjectionTarget): Promise<void>;
  /** Set where the function reads the facts it writes: pending facts are written before it runs. */
  group?: string;
}

/** A projection that reads state (so sees the facts before it written first) and takes the run at once. */
function projectRun<D extends AnyDefinition>(definition: D, group: string, apply: (events: EventOf<D>[], target: ProjectionTarget) => Promise<void>): Projection {
  return { definition, group, apply: apply as unknown as Projection['apply'] };
}

/**
 * A projection of one event at a time into fact rows, written together for the whole chunk. Synchronous: it only
 * queues rows, so a replay pays no promise per event.
 */
function project<D extends AnyDefinition>(definition: D, apply: (event: EventOf<D>, target: ProjectionTarget) => void): Projection {
  return {
    definition,
    apply: async (events, target) => {
      for (const event of events) apply(event as unknown as EventOf<D>, target);
    },
  };
}

/**
 * Every event reporting consumes, and the read model function it feeds (docs/conventions.md §4). Anything else is skipped.
 * Every projection is idempotent by itself (facts keyed by the event that stated them, ON CONFLICT DO NOTHING;
 * versions and upserts guarded by occurredAt), so the consumers need no inbox row per event (projection-consumer.ts).
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
  projectRun(ItemRegisteredV1, 'catalogue', recordCatalogueItems),
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
  projectRun(BeneficiaryRegisteredV1, 'beneficiary-versions', recordBeneficiaryVersions),
  projectRun(BeneficiaryUpdatedV1, 'beneficiary-versions', recordBeneficiaryVersions),
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

const byKey = new Map(REPORTING_PROJECTIONS.map((p) => [p.definition.key, p]));

const projectedTypes = new Set(REPORTING_PROJECTIONS.map((p) => p.definition.type));

/** True when reporting projects some version of this event type (then a version it cannot read is an error, not a skip). */
export const projectsType = (type: string): boolean => projectedTypes.has(type);

/** The projection of an event type and version, or undefined: reporting does not read it. */
export const projectionOf = (type: string, version: number): Projection | undefined => byKey.get(`${type}.v${version}`);

/**
 * Applies a chunk of events, in order, to `generation`: each run of events of one projection (or one group) at
 * once, the facts of the whole chunk written together at the end — one INSERT per table per chunk, however the
 * types interleave. Projections that read what they write get the facts before them written first.
 */
export async function projectChunk(events: GiftflowEvent[], manager: EntityManager, generation: number): Promise<void> {
  const target: ProjectionTarget = { manager, generation, facts: new FactBatch() };
  const projections = events.map((e) => projectionOf(e.type, e.version)); // looked up once per event
  for (let i = 0; i < events.length; ) {
    const projection = projections[i];
    let end = i + 1;
    if (!projection) {
      i = end;
      continue;
    }
    const same = (p: Projection | undefined) => p === projection || (projection.group !== undefined && p?.group === projection.group);
    while (end < events.length && same(projections[end])) end += 1;
    if (projection.group) await target.facts.flush(manager);
    await projection.apply(events.slice(i, end), target);
    i = end;
  }
  await target.facts.flush(manager);
  await linkDeliveryCampaigns(target, requestedAllocations(events));
  await target.facts.summaryChanges.write(manager, generation);
}

/** The allocations of a chunk's requests, whose deliveries projected before them wait for their campaign. */
function requestedAllocations(events: GiftflowEvent[]): string[] {
  const ids = new Set<string>();
  for (const event of events) if (event.type === 'AllocationRequested') ids.add(event.payload.allocationId);
  return [...ids];
}
