import { Column, Entity, PrimaryColumn } from 'typeorm';

export const MOVEMENT_KINDS = ['received', 'reserved', 'released', 'delivered', 'adjusted', 'transfer_out', 'transfer_in', 'returned'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/**
 * The ledger: every change to a lot's on-hand or reserved quantity, and why. Append-only (a database
 * trigger refuses UPDATE and DELETE); written only by `stock-ledger.ts`. `seq` is its position.
 */
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
  @Column('text', { nullable: true }) reference!: string | null;
  @Column('text', { name: 'item_code' }) itemCode!: string;
  @Column('text', { name: 'warehouse_code' }) warehouseCode!: string;
  @Column('text') actor!: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
}
