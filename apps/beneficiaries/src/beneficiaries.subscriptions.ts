import {
  CampaignClosedV1, CampaignOpenedV1, DonorRegisteredV1, DeliveryConfirmedV1, DeliveryConfirmedV2, DeliveryFailedV1, DeliveryFailedV2, ItemRegisteredV1,
  ShipmentDispatchedV1, StockReservationRejectedV1, StockReservedV1,
} from '@giftflow/contracts';
import { subscribe } from '@giftflow/messaging';
import { ConfirmAllocationWhenStockReservedConsumer } from './allocations/saga/confirm-allocation-when-stock-reserved.consumer';
import { MarkDeliveredWhenDeliveryConfirmedConsumer } from './allocations/saga/mark-delivered-when-delivery-confirmed.consumer';
import { MarkDispatchedWhenShipmentDispatchedConsumer } from './allocations/saga/mark-dispatched-when-shipment-dispatched.consumer';
import { MarkFailedWhenDeliveryFailedConsumer } from './allocations/saga/mark-failed-when-delivery-failed.consumer';
import { RejectAllocationWhenStockReservationRejectedConsumer } from './allocations/saga/reject-allocation-when-stock-reservation-rejected.consumer';
import { LearnCampaignWhenCampaignOpenedConsumer } from './campaigns/learn-campaign-when-campaign-opened.consumer';
import { MarkCampaignClosedWhenCampaignClosedConsumer } from './campaigns/mark-campaign-closed-when-campaign-closed.consumer';
import { LearnDonorWhenDonorRegisteredConsumer } from './donors/learn-donor-when-donor-registered.consumer';
import { LearnItemWhenItemRegisteredConsumer } from './items/learn-item-when-item-registered.consumer';

/**
 * Every event beneficiaries consumes, and what handles it (docs/conventions.md §4): inventory's side of the allocation saga
 * (deliveries in v1 and v2), the items' categories and services, donors' campaigns with their rules, and donors (sponsors).
 */
export const BENEFICIARIES_SUBSCRIPTIONS = [
  subscribe(StockReservedV1, ConfirmAllocationWhenStockReservedConsumer),
  subscribe(StockReservationRejectedV1, RejectAllocationWhenStockReservationRejectedConsumer),
  subscribe(ShipmentDispatchedV1, MarkDispatchedWhenShipmentDispatchedConsumer),
  subscribe(DeliveryConfirmedV1, MarkDeliveredWhenDeliveryConfirmedConsumer),
  subscribe(DeliveryConfirmedV2, MarkDeliveredWhenDeliveryConfirmedConsumer),
  subscribe(DeliveryFailedV1, MarkFailedWhenDeliveryFailedConsumer),
  subscribe(DeliveryFailedV2, MarkFailedWhenDeliveryFailedConsumer),
  subscribe(ItemRegisteredV1, LearnItemWhenItemRegisteredConsumer),
  subscribe(CampaignOpenedV1, LearnCampaignWhenCampaignOpenedConsumer),
  subscribe(CampaignClosedV1, MarkCampaignClosedWhenCampaignClosedConsumer),
  subscribe(DonorRegisteredV1, LearnDonorWhenDonorRegisteredConsumer),
];

export const BENEFICIARIES_CONSUMERS = [...new Set(BENEFICIARIES_SUBSCRIPTIONS.map((s) => s.handler))];
