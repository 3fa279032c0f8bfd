import { Module } from '@nestjs/common';
import { CreateHttpIdempotencyTable1764900000000, ServiceCoreModule } from '@giftflow/platform';
import { AdjustStockController } from './adjustments/adjust-stock/adjust-stock.controller';
import { AdjustStockHandler } from './adjustments/adjust-stock/adjust-stock.handler';
import { Item } from './catalogue/item.entity';
import { ListItemsController } from './catalogue/list-items/list-items.controller';
import { ListWarehousesController } from './catalogue/list-warehouses/list-warehouses.controller';
import { RegisterItemController } from './catalogue/register-item/register-item.controller';
import { RegisterItemHandler } from './catalogue/register-item/register-item.handler';
import { RegisterWarehouseController } from './catalogue/register-warehouse/register-warehouse.controller';
import { RegisterWarehouseHandler } from './catalogue/register-warehouse/register-warehouse.handler';
import { Warehouse } from './catalogue/warehouse.entity';
import { AllocationRequest } from './deliveries/allocation-request.entity';
import { ConfirmDeliveryController } from './deliveries/confirm-delivery/confirm-delivery.controller';
import { ConfirmDeliveryHandler } from './deliveries/confirm-delivery/confirm-delivery.handler';
import { Delivery } from './deliveries/delivery.entity';
import { DispatchDeliveryController } from './deliveries/dispatch-delivery/dispatch-delivery.controller';
import { DispatchDeliveryHandler } from './deliveries/dispatch-delivery/dispatch-delivery.handler';
import { FailDeliveryController } from './deliveries/fail-delivery/fail-delivery.controller';
import { FailDeliveryHandler } from './deliveries/fail-delivery/fail-delivery.handler';
import { ListDeliveriesController } from './deliveries/list-deliveries/list-deliveries.controller';
import { MarkDeliveryHandler } from './deliveries/mark-delivery/mark-delivery.handler';
import { Reservation } from './deliveries/reservation.entity';
import { ShowDispatchRunController } from './deliveries/dispatch-runs/show-dispatch-run/show-dispatch-run.controller';
import { StartDispatchRunController } from './deliveries/dispatch-runs/start-dispatch-run/start-dispatch-run.controller';
import { StartDispatchRunHandler } from './deliveries/dispatch-runs/start-dispatch-run/start-dispatch-run.handler';
import { SyncDeliveriesController } from './deliveries/sync-deliveries/sync-deliveries.controller';
import { SyncDeliveriesHandler } from './deliveries/sync-deliveries/sync-deliveries.handler';
import { INVENTORY_CONSUMERS, INVENTORY_SUBSCRIPTIONS } from './inventory.subscriptions';
import { AddWarehouseLedger1764500000000 } from './migrations/add-warehouse-ledger.migration';
import { CreateInventoryTables1764400000000 } from './migrations/create-inventory-tables.migration';
import { DonorsPledgesClient } from './pledges/donors-pledges.client';
import { KnownPledgeLine } from './pledges/known-pledge-line.entity';
import { KnownPledge } from './pledges/known-pledge.entity';
import { Receipt } from './receipts/receipt.entity';
import { ReceiveGoodsController } from './receipts/receive-goods/receive-goods.controller';
import { ReceiveGoodsHandler } from './receipts/receive-goods/receive-goods.handler';
import { ListLotsController } from './stock/list-lots/list-lots.controller';
import { ListMovementsController } from './stock/list-movements/list-movements.controller';
import { ReconcileStockController } from './stock/reconcile-stock/reconcile-stock.controller';
import { QueryStockController } from './stock/query-stock/query-stock.controller';
import { ReturnGiftController } from './returns/return-gift/return-gift.controller';
import { ReturnGiftHandler } from './returns/return-gift/return-gift.handler';
import { StockLot } from './stock/stock-lot.entity';
import { DispatchTransferHandler } from './transfers/dispatch-transfer/dispatch-transfer.handler';
import { ReceiveTransferHandler } from './transfers/receive-transfer/receive-transfer.handler';
import { DispatchTransferController } from './transfers/dispatch-transfer/dispatch-transfer.controller';
import { ReceiveTransferController } from './transfers/receive-transfer/receive-transfer.controller';
import { ShowTransferController } from './transfers/show-transfer/show-transfer.controller';
import { CloseStockTakeHandler } from './stock-takes/close-stock-take/close-stock-take.handler';
import { OpenStockTakeHandler } from './stock-takes/open-stock-take/open-stock-take.handler';
import { RecordCountsHandler } from './stock-takes/record-counts/record-counts.handler';
import { CloseStockTakeController } from './stock-takes/close-stock-take/close-stock-take.controller';
import { OpenStockTakeController } from './stock-takes/open-stock-take/open-stock-take.controller';
import { RecordCountsController } from './stock-takes/record-counts/record-counts.controller';
import { ShowStockTakeController } from './stock-takes/show-stock-take/show-stock-take.controller';
import { StockMovement } from './stock/stock-movement.entity';

const entities = [Item, Warehouse, KnownPledge, KnownPledgeLine, Receipt, StockLot, StockMovement, Reservation, AllocationRequest, Delivery];
const migrations = [CreateInventoryTables1764400000000, AddWarehouseLedger1764500000000, CreateHttpIdempotencyTable1764900000000];

const controllers = [
  RegisterItemController, ListItemsController, RegisterWarehouseController, ListWarehousesController,
  ReceiveGoodsController, ListMovementsController, ReconcileStockController, QueryStockController, ListLotsController, AdjustStockController,
  ListDeliveriesController, DispatchDeliveryController, ConfirmDeliveryController, FailDeliveryController, SyncDeliveriesController,
  StartDispatchRunController, ShowDispatchRunController, ReturnGiftController,
  OpenStockTakeController, RecordCountsController, CloseStockTakeController, ShowStockTakeController,
  DispatchTransferController, ReceiveTransferController, ShowTransferController,
];
const handlers = [
  RegisterItemHandler, RegisterWarehouseHandler, ReceiveGoodsHandler, AdjustStockHandler,
  MarkDeliveryHandler, DispatchDeliveryHandler, ConfirmDeliveryHandler, FailDeliveryHandler, SyncDeliveriesHandler, StartDispatchRunHandler,
  OpenStockTakeHandler, RecordCountsHandler, CloseStockTakeHandler, DispatchTransferHandler, ReceiveTransferHandler, ReturnGiftHandler,
];
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
