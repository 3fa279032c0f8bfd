import { DeliveryConfirmedV1, DeliveryConfirmedV2, GoodsReceivedV1 } from '@giftflow/contracts';
import { subscribe } from '@giftflow/messaging';
import {
  CountDeliveredWhenDeliveryConfirmedConsumer, CountDeliveredWhenDeliveryConfirmedV2Consumer,
} from './pledges/progress/count-delivered-when-delivery-confirmed.consumer';
import { CountReceivedWhenGoodsReceivedConsumer } from './pledges/progress/count-received-when-goods-received.consumer';

/** Every event donors consumes, and what handles it (docs/conventions.md §4): inventory's news about pledged goods. */
export const DONORS_SUBSCRIPTIONS = [
  subscribe(GoodsReceivedV1, CountReceivedWhenGoodsReceivedConsumer),
  subscribe(DeliveryConfirmedV1, CountDeliveredWhenDeliveryConfirmedConsumer),
  subscribe(DeliveryConfirmedV2, CountDeliveredWhenDeliveryConfirmedV2Consumer),
];

export const DONORS_CONSUMERS = DONORS_SUBSCRIPTIONS.map((s) => s.handler);
