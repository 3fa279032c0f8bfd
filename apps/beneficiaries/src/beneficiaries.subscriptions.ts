import { DeliveryConfirmedV1, DeliveryFailedV1, ShipmentDispatchedV1, StockReservationRejectedV1, StockReservedV1 } from '@giftflow/contracts';
import { subscribe } from '@giftflow/messaging';
import { ConfirmAllocationWhenStockReservedConsumer } from './allocations/saga/confirm-allocation-when-stock-reserved.consumer';
import { MarkDeliveredWhenDeliveryConfirmedConsumer } from './allocations/saga/mark-delivered-when-delivery-confirmed.consumer';
import { MarkDispatchedWhenShipmentDispatchedConsumer } from './allocations/saga/mark-dispatched-when-shipment-dispatched.consumer';
import { MarkFailedWhenDeliveryFailedConsumer } from './allocations/saga/mark-failed-when-delivery-failed.consumer';
import { RejectAllocationWhenStockReservationRejectedConsumer } from './allocations/saga/reject-allocation-when-stock-reservation-rejected.consumer';

/** Every event beneficiaries consumes, and what handles it (STYLE 4): inventory's side of the allocation saga. */
export const BENEFICIARIES_SUBSCRIPTIONS = [
  subscribe(StockReservedV1, ConfirmAllocationWhenStockReservedConsumer),
  subscribe(StockReservationRejectedV1, RejectAllocationWhenStockReservationRejectedConsumer),
  subscribe(ShipmentDispatchedV1, MarkDispatchedWhenShipmentDispatchedConsumer),
  subscribe(DeliveryConfirmedV1, MarkDeliveredWhenDeliveryConfirmedConsumer),
  subscribe(DeliveryFailedV1, MarkFailedWhenDeliveryFailedConsumer),
];

export const BENEFICIARIES_CONSUMERS = BENEFICIARIES_SUBSCRIPTIONS.map((s) => s.handler);
