import { ItemFacts } from '../allocations/record-allocation';
import { AllocationLine } from '../allocations/allocation.entity';
import { InventoryStockClient } from './inventory-stock.client';
import { StockLine } from './need-score';

/** Available now per line (inventory, read-only); null for services, which no stock limits. */
export async function stockNow(inventory: InventoryStockClient, warehouseCode: string, lines: AllocationLine[], items: Map<string, ItemFacts>): Promise<StockLine[]> {
  const stock: StockLine[] = [];
  for (const line of lines) {
    const available = items.get(line.itemCode)!.stocked ? await inventory.available(line.itemCode, warehouseCode) : null;
    stock.push({ itemCode: line.itemCode, available, quantity: line.quantity });
  }
  return stock;
}
