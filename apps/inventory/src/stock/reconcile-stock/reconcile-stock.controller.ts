import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { numbersIn } from '../bigint.column';

export interface Mismatch {
  lotId: string;
  itemCode: string;
  warehouseCode: string;
  onHand: number;
  ledgerOnHand: number;
  reserved: number;
  ledgerReserved: number;
}

@Controller('stock/reconcile')
export class ReconcileStockController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every lot's balance against the sum of its ledger rows: ok when none differ. */
  @Get()
  @ApiOkResponse({ description: '{ok, mismatches: [{lotId, itemCode, warehouseCode, onHand, ledgerOnHand, reserved, ledgerReserved}]}' })
  async reconcile(): Promise<{ ok: boolean; lots: number; mismatches: Mismatch[] }> {
    const rows: (Mismatch & { matches: boolean })[] = await this.dataSource.query(
      `SELECT l.id AS "lotId", l.item_code AS "itemCode", l.warehouse_code AS "warehouseCode", l.on_hand AS "onHand", l.reserved,
              coalesce(m.on_hand, 0)::bigint AS "ledgerOnHand", coalesce(m.reserved, 0)::bigint AS "ledgerReserved",
              (l.on_hand = coalesce(m.on_hand, 0) AND l.reserved = coalesce(m.reserved, 0)) AS matches
         FROM stock_lots l
         LEFT JOIN (SELECT lot_id, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved FROM stock_movements GROUP BY lot_id) m ON m.lot_id = l.id
        ORDER BY l.item_code, l.warehouse_code, l.id`,
    );
    const mismatches = numbersIn(rows.filter((r) => !r.matches), ['ledgerOnHand', 'ledgerReserved']).map(({ matches: _, ...m }) => m);
    return { ok: mismatches.length === 0, lots: rows.length, mismatches };
  }
}
