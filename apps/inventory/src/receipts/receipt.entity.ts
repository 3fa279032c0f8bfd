import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Goods that arrived at a warehouse against a pledge (or a walk-in donation, whose pledgeId inventory made); its lines are stock lots. */
@Entity('receipts')
export class Receipt {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'pledge_id' }) pledgeId!: string;
  @Column('text', { name: 'warehouse_code' }) warehouseCode!: string;
  @Column('text') actor!: string;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
  /** The business date (paper records), in the fund's time zone. */
  @Column('date', { name: 'received_on' }) receivedOn!: string;
  @Column('uuid', { name: 'donor_id', nullable: true }) donorId!: string | null;
  @Column('uuid', { name: 'campaign_id', nullable: true }) campaignId!: string | null;
  @Column('boolean', { name: 'walk_in' }) walkIn!: boolean;
}
