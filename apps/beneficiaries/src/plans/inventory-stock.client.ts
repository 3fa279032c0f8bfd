import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { z } from 'zod';
import { onBehalfOfCaller } from '@giftflow/platform';

/** inventory's `GET /stock?itemCode=&warehouseCode=` answer: one row per item and warehouse. */
const stockLevelsSchema = z.array(z.object({ itemCode: z.string(), warehouseCode: z.string(), available: z.number() }));

/**
 * What is available now in a warehouse, asked of inventory (read-only, while the user waits). A plan cannot be
 * previewed or committed without it: no answer is 503.
 */
@Injectable()
export class InventoryStockClient {
  private readonly logger = new Logger(InventoryStockClient.name);

  async available(itemCode: string, warehouseCode: string): Promise<number> {
    const base = process.env.INVENTORY_URL ?? 'http://127.0.0.1:3002';
    const url = `${base}/stock?itemCode=${encodeURIComponent(itemCode)}&warehouseCode=${encodeURIComponent(warehouseCode)}`;
    try {
      const response = await fetch(url, { headers: onBehalfOfCaller(), signal: AbortSignal.timeout(5_000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const levels = stockLevelsSchema.parse(await response.json());
      return levels.filter((l) => l.itemCode === itemCode && l.warehouseCode === warehouseCode).reduce((sum, l) => sum + Math.max(0, l.available), 0);
    } catch (error) {
      this.logger.warn(`could not ask inventory for ${itemCode} in ${warehouseCode}: ${String(error)}`);
      throw new ServiceUnavailableException(`inventory did not say how many ${itemCode} are available in ${warehouseCode}; try again`);
    }
  }
}
