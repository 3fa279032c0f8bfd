import { Column, Entity, PrimaryColumn } from 'typeorm';

export type MovementKind = 'received' | 'reserved' | 'released' | 'delivered';

/** The ledger: every change to a lot's on-hand or reserved quantity, and why. */
@Entity('stock_movements')
export class StockMovement {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'lot_id' }) lotId!: string;
  @Column('text') kind!: MovementKind;
  @Column('integer', { name: 'on_hand_delta' }) onHandDelta!: number;
  @Column('integer', { name: 'reserved_delta' }) reservedDelta!: number;
  @Column('uuid', { name: 'receipt_id', nullable: true }) receiptId!: string | null;
  @Column('uuid', { name: 'allocation_id', nullable: true }) allocationId!: string | null;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('text') actor!: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
}
