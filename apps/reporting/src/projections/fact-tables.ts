import { EntityManager } from 'typeorm';
import { factTable } from './projection-target';

/**
 * Reporting's fact tables (migrations: create-reporting-tables, add-pledge-cancellations, add-report-facts), each
 * partitioned by generation. Every fact keeps `occurred_at` (the envelope's, for as-of reports) and, where it has
 * one, its business date in the fund's time zone (`*_on`).
 */
type Id = string;
type MaybeId = string | null;

export const PLEDGE_LINES = factTable<{
  generation: number; pledge_id: Id; line_no: number; item_code: string; quantity: number; unit_value_vnd: number | null;
  occurred_at: string; donor_id: Id; campaign_id: MaybeId; pledged_on: string;
}>('pledge_lines', {
  generation: 'integer', pledge_id: 'uuid', line_no: 'integer', item_code: 'text', quantity: 'integer', unit_value_vnd: 'bigint',
  occurred_at: 'timestamptz', donor_id: 'uuid', campaign_id: 'uuid', pledged_on: 'date',
});

export const PLEDGE_AMENDMENTS = factTable<{
  generation: number; event_id: Id; line_no: number; pledge_id: Id; item_code: string; quantity: number; unit_value_vnd: number | null; occurred_at: string;
}>('pledge_amendments', {
  generation: 'integer', event_id: 'uuid', line_no: 'integer', pledge_id: 'uuid', item_code: 'text', quantity: 'integer', unit_value_vnd: 'bigint',
  occurred_at: 'timestamptz',
});

export const PLEDGE_CANCELLATIONS = factTable<{ generation: number; pledge_id: Id; reason: string; occurred_at: string }>(
  'pledge_cancellations', { generation: 'integer', pledge_id: 'uuid', reason: 'text', occurred_at: 'timestamptz' });

export const PLEDGE_CLOSURES = factTable<{ generation: number; pledge_id: Id; reason: string; occurred_at: string }>(
  'pledge_closures', { generation: 'integer', pledge_id: 'uuid', reason: 'text', occurred_at: 'timestamptz' });

export const CAMPAIGNS = factTable<{
  generation: number; campaign_id: Id; name: string; kind: string; starts_on: string; ends_on: string; district_codes: string[];
  targets: { category: string; quantity: number }[]; occurred_at: string;
}>('campaigns', {
  generation: 'integer', campaign_id: 'uuid', name: 'text', kind: 'text', starts_on: 'date', ends_on: 'date', district_codes: 'text[]',
  targets: 'jsonb', occurred_at: 'timestamptz',
});

export const CAMPAIGN_CLOSURES = factTable<{ generation: number; campaign_id: Id; closed_at: string; occurred_at: string }>(
  'campaign_closures', { generation: 'integer', campaign_id: 'uuid', closed_at: 'timestamptz', occurred_at: 'timestamptz' });

export const RECEIPT_LOTS = factTable<{
  generation: number; lot_id: Id; receipt_id: Id; pledge_id: Id; item_code: string; quantity: number; unit_value_vnd: number; occurred_at: string;
  received_on: string; donor_id: MaybeId; campaign_id: MaybeId; walk_in: boolean; warehouse_code: string;
}>('receipt_lots', {
  generation: 'integer', lot_id: 'uuid', receipt_id: 'uuid', pledge_id: 'uuid', item_code: 'text', quantity: 'integer', unit_value_vnd: 'bigint',
  occurred_at: 'timestamptz', received_on: 'date', donor_id: 'uuid', campaign_id: 'uuid', walk_in: 'boolean', warehouse_code: 'text',
});

export const REQUESTED_LINES = factTable<{
  generation: number; allocation_id: Id; line_no: number; beneficiary_id: Id; beneficiary_kind: string; district_code: string;
  campaign_id: MaybeId; plan_id: MaybeId; item_code: string; quantity: number; allocated_on: string; occurred_at: string;
}>('requested_lines', {
  generation: 'integer', allocation_id: 'uuid', line_no: 'integer', beneficiary_id: 'uuid', beneficiary_kind: 'text', district_code: 'text',
  campaign_id: 'uuid', plan_id: 'uuid', item_code: 'text', quantity: 'integer', allocated_on: 'date', occurred_at: 'timestamptz',
});

export const ALLOCATION_LINES = factTable<{
  generation: number; allocation_id: Id; line_no: number; beneficiary_id: Id; beneficiary_kind: string; district_code: string;
  item_code: string; quantity: number; occurred_at: string;
}>('allocation_lines', {
  generation: 'integer', allocation_id: 'uuid', line_no: 'integer', beneficiary_id: 'uuid', beneficiary_kind: 'text', district_code: 'text',
  item_code: 'text', quantity: 'integer', occurred_at: 'timestamptz',
});

export const ALLOCATION_OUTCOMES = factTable<{
  generation: number; event_id: Id; allocation_id: Id; outcome: 'rejected' | 'cancelled'; reason: string; occurred_at: string;
}>('allocation_outcomes', { generation: 'integer', event_id: 'uuid', allocation_id: 'uuid', outcome: 'text', reason: 'text', occurred_at: 'timestamptz' });

type LotLine = {
  generation: number; event_id: Id; line_no: number; allocation_id: Id; lot_id: Id; pledge_id: Id; item_code: string; quantity: number; occurred_at: string;
};
const LOT_LINE_COLUMNS = {
  generation: 'integer', event_id: 'uuid', line_no: 'integer', allocation_id: 'uuid', lot_id: 'uuid', pledge_id: 'uuid', item_code: 'text',
  quantity: 'integer', occurred_at: 'timestamptz',
} as const;

export const RESERVED_LOTS = factTable<LotLine>('reserved_lots', LOT_LINE_COLUMNS);
export const RELEASED_LOTS = factTable<LotLine & { reason: string }>('released_lots', { ...LOT_LINE_COLUMNS, reason: 'text' });

/** Serializes the campaign links of one generation (pg_advisory_xact_lock's first key: reporting's class of lock). */
const LINK_LOCK_CLASS = 0x11ca;

/**
 * Taken, until commit, by a transaction before it writes deliveries and before it links requests to deliveries written
 * earlier (deliveries.projection.ts). The two live on different topics, projected by concurrent transactions; in READ
 * COMMITTED a statement run after the lock is granted sees what the previous holder committed, so whichever of a
 * delivery and its request commits second links them.
 */
export async function lockCampaignLinks(manager: EntityManager, generation: number): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [LINK_LOCK_CLASS, generation]);
}

export const DELIVERED_LOTS = factTable<{
  generation: number; event_id: Id; line_no: number; allocation_id: Id; lot_id: MaybeId; pledge_id: MaybeId; item_code: string; quantity: number;
  beneficiary_id: Id; beneficiary_kind: string; district_code: string; unit_value_vnd: number; delivered_at: string; delivered_on: string;
  occurred_at: string; relationship: string | null; campaign_id: MaybeId;
}>('delivered_lots', {
  generation: 'integer', event_id: 'uuid', line_no: 'integer', allocation_id: 'uuid', lot_id: 'uuid', pledge_id: 'uuid', item_code: 'text',
  quantity: 'integer', beneficiary_id: 'uuid', beneficiary_kind: 'text', district_code: 'text', unit_value_vnd: 'bigint',
  delivered_at: 'timestamptz', delivered_on: 'date', occurred_at: 'timestamptz', relationship: 'text', campaign_id: 'uuid',
}, {
  // The allocation's campaign (its first request's) when that request is already projected, looked up by key as the row
  // goes in: a delivery is written once, where linking it afterwards rewrote every delivered row (BENCHMARKS.md).
  derived: {
    campaign_id: `coalesce(u.campaign_id, (SELECT r.campaign_id FROM requested_lines r
                    WHERE r.generation = u.generation AND r.allocation_id = u.allocation_id AND r.line_no = 1))`,
  },
  beforeInsert: lockCampaignLinks,
});

export const DISPATCHES = factTable<{
  generation: number; event_id: Id; allocation_id: Id; dispatched_on: string; happened_at: string; occurred_at: string;
}>('dispatches', {
  generation: 'integer', event_id: 'uuid', allocation_id: 'uuid', dispatched_on: 'date', happened_at: 'timestamptz', occurred_at: 'timestamptz',
});

export const DELIVERY_FAILURES = factTable<{
  generation: number; event_id: Id; allocation_id: Id; reason: string; failed_on: string; happened_at: string; occurred_at: string;
}>('delivery_failures', {
  generation: 'integer', event_id: 'uuid', allocation_id: 'uuid', reason: 'text', failed_on: 'date', happened_at: 'timestamptz', occurred_at: 'timestamptz',
});

export const GIFT_RETURNS = factTable<{
  generation: number; event_id: Id; line_no: number; return_id: Id; allocation_id: Id; beneficiary_id: Id; item_code: string; quantity: number;
  lot_id: MaybeId; unit_value_vnd: number; reason: string; restocked: boolean; returned_on: string; happened_at: string; occurred_at: string;
}>('gift_returns', {
  generation: 'integer', event_id: 'uuid', line_no: 'integer', return_id: 'uuid', allocation_id: 'uuid', beneficiary_id: 'uuid', item_code: 'text',
  quantity: 'integer', lot_id: 'uuid', unit_value_vnd: 'bigint', reason: 'text', restocked: 'boolean', returned_on: 'date',
  happened_at: 'timestamptz', occurred_at: 'timestamptz',
});

export const STOCK_ADJUSTMENTS = factTable<{
  generation: number; event_id: Id; adjustment_id: Id; warehouse_code: string; item_code: string; lot_id: Id; pledge_id: MaybeId;
  quantity: number; unit_value_vnd: number; reason: string; adjusted_on: string; occurred_at: string;
}>('stock_adjustments', {
  generation: 'integer', event_id: 'uuid', adjustment_id: 'uuid', warehouse_code: 'text', item_code: 'text', lot_id: 'uuid', pledge_id: 'uuid',
  quantity: 'integer', unit_value_vnd: 'bigint', reason: 'text', adjusted_on: 'date', occurred_at: 'timestamptz',
});

export type BeneficiaryVersion = {
  generation: number; event_id: Id; beneficiary_id: Id; kind: string; district_code: string | null; commune_code: string | null;
  sex: string | null; birth_month: string | null; circumstances: string[]; institution_kind: string | null; occurred_at: string;
  superseded_at: string | null;
};
export const BENEFICIARY_VERSIONS = factTable<BeneficiaryVersion>('beneficiary_versions', {
  generation: 'integer', event_id: 'uuid', beneficiary_id: 'uuid', kind: 'text', district_code: 'text', commune_code: 'text', sex: 'text',
  birth_month: 'text', circumstances: 'text[]', institution_kind: 'text', occurred_at: 'timestamptz', superseded_at: 'timestamptz',
});

export const BENEFICIARY_MERGES = factTable<{ generation: number; event_id: Id; beneficiary_id: Id; into_id: Id; occurred_at: string }>(
  'beneficiary_merges', { generation: 'integer', event_id: 'uuid', beneficiary_id: 'uuid', into_id: 'uuid', occurred_at: 'timestamptz' });

export const SPONSORSHIPS = factTable<{
  generation: number; sponsorship_id: Id; donor_id: Id; beneficiary_id: Id; district_code: string; monthly_amount_vnd: number;
  start_month: string; end_month: string; campaign_id: MaybeId; occurred_at: string;
}>('sponsorships', {
  generation: 'integer', sponsorship_id: 'uuid', donor_id: 'uuid', beneficiary_id: 'uuid', district_code: 'text', monthly_amount_vnd: 'bigint',
  start_month: 'text', end_month: 'text', campaign_id: 'uuid', occurred_at: 'timestamptz',
});

export const SPONSORSHIP_STOPS = factTable<{
  generation: number; event_id: Id; sponsorship_id: Id; kind: 'cancelled' | 'ended'; last_month: string; occurred_at: string;
}>('sponsorship_stops', {
  generation: 'integer', event_id: 'uuid', sponsorship_id: 'uuid', kind: 'text', last_month: 'text', occurred_at: 'timestamptz',
});

export const SPONSORSHIP_INSTALMENTS = factTable<{
  generation: number; event_id: Id; sponsorship_id: Id; beneficiary_id: Id; donor_id: Id; month: string; amount_vnd: number; paid_on: string;
  occurred_at: string;
}>('sponsorship_instalments', {
  generation: 'integer', event_id: 'uuid', sponsorship_id: 'uuid', beneficiary_id: 'uuid', donor_id: 'uuid', month: 'text', amount_vnd: 'bigint',
  paid_on: 'date', occurred_at: 'timestamptz',
});
