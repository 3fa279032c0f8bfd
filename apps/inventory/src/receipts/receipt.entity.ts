import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Goods that arrived at a warehouse against a pledge; its lines are stock lots. */
@Entity('receipts')
export class Receipt {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'pledge_id' }) pledgeId!: string;
  @Column('text', { name: 'warehouse_code' }) warehouseCode!: string;
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey!: string | null;
  @Column('text') actor!: string;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
}
