import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from './bigint.column';

/**
 * Stock of one item in one warehouse from one receipt line (or a transfer, or a return), with the pledge and
 * donor it came from. available = onHand - reserved; the database refuses reserved < 0 or reserved > onHand.
 * onHand and reserved change only through the ledger writer (`stock-ledger.ts`).
 */
@Entity('stock_lots')
export class StockLot {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'item_code' }) itemCode!: string;
  @Column('text', { name: 'warehouse_code' }) warehouseCode!: string;
  @Column('uuid', { name: 'pledge_id' }) pledgeId!: string;
  @Column('uuid', { name: 'donor_id', nullable: true }) donorId!: string | null;
  @Column('uuid', { name: 'receipt_id', nullable: true }) receiptId!: string | null;
  /** Which line of its receipt this lot is (1-based); null for lots from transfers and returns. */
  @Column('integer', { name: 'receipt_line', nullable: true }) receiptLine!: number | null;
  @Column('uuid', { name: 'source_lot_id', nullable: true }) sourceLotId!: string | null;
  @Column('text') origin!: 'receipt' | 'transfer' | 'return';
  @Column('date', { name: 'expires_on', nullable: true }) expiresOn!: string | null;
  @Column(bigintColumn('unit_value_vnd')) unitValueVnd!: number;
  @Column('integer', { name: 'received_qty' }) receivedQty!: number;
  @Column('integer', { name: 'on_hand' }) onHand!: number;
  @Column('integer') reserved!: number;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
}
