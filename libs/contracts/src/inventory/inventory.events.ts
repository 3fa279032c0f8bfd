import { DeliveryConfirmedV2 } from './delivery-confirmed.v2';
import { DeliveryFailedV2 } from './delivery-failed.v2';
import { StockAdjustedV1 } from './stock-adjusted.v1';
import { TransferDispatchedV1 } from './transfer-dispatched.v1';
import { TransferReceivedV1 } from './transfer-received.v1';
import { GiftReturnedV1 } from './gift-returned.v1';
import { DeliveryConfirmedV1 } from './delivery-confirmed.v1';
import { DeliveryFailedV1 } from './delivery-failed.v1';
import { GoodsReceivedV1 } from './goods-received.v1';
import { ItemRegisteredV1 } from './item-registered.v1';
import { ShipmentDispatchedV1 } from './shipment-dispatched.v1';
import { StockReleasedV1 } from './stock-released.v1';
import { StockReservationRejectedV1 } from './stock-reservation-rejected.v1';
import { StockReservedV1 } from './stock-reserved.v1';
import { WarehouseRegisteredV1 } from './warehouse-registered.v1';

/** Every contract inventory publishes, every version; a new version goes here beside the old one. */
export const INVENTORY_EVENTS = [
  ItemRegisteredV1,
  WarehouseRegisteredV1,
  GoodsReceivedV1,
  StockReservedV1,
  StockReservationRejectedV1,
  StockReleasedV1,
  ShipmentDispatchedV1,
  DeliveryConfirmedV1,
  DeliveryFailedV1,
  DeliveryConfirmedV2,
  DeliveryFailedV2,
  StockAdjustedV1,
  TransferDispatchedV1,
  TransferReceivedV1,
  GiftReturnedV1,
] as const;
