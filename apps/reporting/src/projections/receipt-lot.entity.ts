import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One lot of a GoodsReceived: goods that arrived against a pledge, at the lot's unit value. */
@Entity('receipt_lots')
export class ReceiptLot {
  @PrimaryColumn('integer') generation!: number;
  @PrimaryColumn('uuid', { name: 'lot_id' }) lotId!: string;
  @Column('uuid', { name: 'receipt_id' }) receiptId!: string;
  @Column('uuid', { name: 'pledge_id' }) pledgeId!: string;
  @Column('text', { name: 'item_code' }) itemCode!: string;
  @Column('integer') quantity!: number;
  @Column('bigint', { name: 'unit_value_vnd' }) unitValueVnd!: number;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
}
