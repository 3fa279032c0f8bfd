import { z } from 'zod';
import { EventOf } from './define-event';
import { envelopeSchema } from './envelope';
import { CampaignOpenedV1 } from './donors/campaign-opened.v1';
import { DonorRegisteredV1 } from './donors/donor-registered.v1';
import { PledgeCancelledV1 } from './donors/pledge-cancelled.v1';
import { PledgeRecordedV1 } from './donors/pledge-recorded.v1';
import { PledgeStatusChangedV1 } from './donors/pledge-status-changed.v1';
import { DeliveryConfirmedV1 } from './inventory/delivery-confirmed.v1';
import { DeliveryFailedV1 } from './inventory/delivery-failed.v1';
import { GoodsReceivedV1 } from './inventory/goods-received.v1';
import { ItemRegisteredV1 } from './inventory/item-registered.v1';
import { ShipmentDispatchedV1 } from './inventory/shipment-dispatched.v1';
import { StockReleasedV1 } from './inventory/stock-released.v1';
import { StockReservationRejectedV1 } from './inventory/stock-reservation-rejected.v1';
import { StockReservedV1 } from './inventory/stock-reserved.v1';
import { WarehouseRegisteredV1 } from './inventory/warehouse-registered.v1';
import { AllocationConfirmedV1 } from './beneficiaries/allocation-confirmed.v1';
import { AllocationRejectedV1 } from './beneficiaries/allocation-rejected.v1';
import { AllocationRequestedV1 } from './beneficiaries/allocation-requested.v1';
import { BeneficiaryRegisteredV1 } from './beneficiaries/beneficiary-registered.v1';

/** Every event contract, every version. A new version is added here beside the old one. */
export const EVENT_DEFINITIONS = [
  DonorRegisteredV1, CampaignOpenedV1, PledgeRecordedV1, PledgeCancelledV1, PledgeStatusChangedV1,
  ItemRegisteredV1, WarehouseRegisteredV1, GoodsReceivedV1, StockReservedV1, StockReservationRejectedV1,
  StockReleasedV1, ShipmentDispatchedV1, DeliveryConfirmedV1, DeliveryFailedV1,
  BeneficiaryRegisteredV1, AllocationRequestedV1, AllocationConfirmedV1, AllocationRejectedV1,
] as const;

export type EventDefinitionAny = (typeof EVENT_DEFINITIONS)[number];
/** The discriminated union of every event; switch on `type` (and `version`) exhaustively. */
export type GiftflowEvent = EventOf<EventDefinitionAny>;
export type EventType = GiftflowEvent['type'];
/** One event type at one version, e.g. `EventOfType<'PledgeRecorded'>`. */
export type EventOfType<T extends EventType, V extends number = 1> = Extract<GiftflowEvent, { type: T; version: V }>;

const byKey = new Map<string, EventDefinitionAny>(EVENT_DEFINITIONS.map((d) => [d.key, d]));

export function definitionOf(type: string, version: number): EventDefinitionAny | undefined {
  return byKey.get(`${type}.v${version}`);
}

export type ParseResult = { ok: true; event: GiftflowEvent } | { ok: false; reason: string };

/** Checks an envelope and its payload against the contract of its type and version. */
export function parseEvent(raw: unknown): ParseResult {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, reason: `invalid envelope: ${describeIssues(envelope.error)}` };
  const definition = definitionOf(envelope.data.type, envelope.data.version);
  if (!definition) return { ok: false, reason: `unknown event ${envelope.data.type} v${envelope.data.version}` };
  if (definition.source !== envelope.data.source) {
    return { ok: false, reason: `${definition.key} is published by ${definition.source}, not ${envelope.data.source}` };
  }
  const payload = definition.payload.safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, reason: `invalid ${definition.key} payload: ${describeIssues(payload.error)}` };
  return { ok: true, event: { ...envelope.data, payload: payload.data } as GiftflowEvent };
}

/** `lines.0.quantity: Too small: expected number to be >0; donorId: Invalid UUID` */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}
