import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@giftflow/platform';
import { Item } from './catalogue/item.entity';
import { ListItemsController } from './catalogue/list-items/list-items.controller';
import { ListWarehousesController } from './catalogue/list-warehouses/list-warehouses.controller';
import { RegisterItemController } from './catalogue/register-item/register-item.controller';
import { RegisterWarehouseController } from './catalogue/register-warehouse/register-warehouse.controller';
import { Warehouse } from './catalogue/warehouse.entity';
import { ConfirmDeliveryController } from './deliveries/confirm-delivery/confirm-delivery.controller';
import { ConfirmDeliveryHandler } from './deliveries/confirm-delivery/confirm-delivery.handler';
import { Delivery } from './deliveries/delivery.entity';
import { DispatchDeliveryController } from './deliveries/dispatch-delivery/dispatch-delivery.controller';
import { DispatchDeliveryHandler } from './deliveries/dispatch-delivery/dispatch-delivery.handler';
import { FailDeliveryController } from './deliveries/fail-delivery/fail-delivery.controller';
import { FailDeliveryHandler } from './deliveries/fail-delivery/fail-delivery.handler';
import { ListDeliveriesController } from './deliveries/list-deliveries/list-deliveries.controller';
import { INVENTORY_CONSUMERS, INVENTORY_SUBSCRIPTIONS } from './inventory.subscriptions';
import { CreateInventoryTables1764400000000 } from './migrations/create-inventory-tables.migration';
import { DonorsPledgesClient } from './pledges/donors-pledges.client';
import { KnownPledgeLine } from './pledges/known-pledge-line.entity';
import { KnownPledge } from './pledges/known-pledge.entity';
import { Receipt } from './receipts/receipt.entity';
import { ReceiveGoodsController } from './receipts/receive-goods/receive-goods.controller';
import { ReceiveGoodsHandler } from './receipts/receive-goods/receive-goods.handler';
import { AllocationRequest } from './reservations/allocation-request.entity';
import { Reservation } from './reservations/reservation.entity';
import { QueryStockController } from './stock/query-stock/query-stock.controller';
import { StockLot } from './stock/stock-lot.entity';
import { StockMovement } from './stock/stock-movement.entity';

const entities = [Item, Warehouse, KnownPledge, KnownPledgeLine, Receipt, StockLot, StockMovement, Reservation, AllocationRequest, Delivery];
const migrations = [CreateInventoryTables1764400000000];

const controllers = [
  RegisterItemController, ListItemsController, RegisterWarehouseController, ListWarehousesController,
  ReceiveGoodsController, QueryStockController,
  ListDeliveriesController, DispatchDeliveryController, ConfirmDeliveryController, FailDeliveryController,
];
const handlers = [ReceiveGoodsHandler, DispatchDeliveryHandler, ConfirmDeliveryHandler, FailDeliveryHandler];
const clients = [DonorsPledgesClient];

@Module({
  imports: [
    ServiceCoreModule.forService({
      service: 'inventory',
      entities,
      migrations,
      consumes: ['donors', 'beneficiaries'],
      subscriptions: INVENTORY_SUBSCRIPTIONS,
    }),
  ],
  controllers,
  providers: [...handlers, ...INVENTORY_CONSUMERS, ...clients],
})
export class InventoryModule {}
