import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Stock of one item in one warehouse from one receipt line, with the pledge it came from.
 * available = onHand - reserved; the database refuses reserved < 0 or reserved > onHand.
 */
@Entity('stock_lots')
export class StockLot {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'item_code' }) itemCode!: string;
  @Column('text', { name: 'warehouse_code' }) warehouseCode!: string;
  @Column('uuid', { name: 'pledge_id' }) pledgeId!: string;
  @Column('uuid', { name: 'receipt_id' }) receiptId!: string;
  /** Which line of its receipt this lot is (1-based). */
  @Column('integer', { name: 'receipt_line' }) receiptLine!: number;
  @Column('date', { name: 'expires_on', nullable: true }) expiresOn!: string | null;
  @Column('integer', { name: 'unit_value_vnd' }) unitValueVnd!: number;
  @Column('integer', { name: 'received_qty' }) receivedQty!: number;
  @Column('integer', { name: 'on_hand' }) onHand!: number;
  @Column('integer') reserved!: number;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
}
