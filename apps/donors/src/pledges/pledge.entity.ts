import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PLEDGE_STATUSES } from '@giftflow/contracts';

export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

/** A donor's promise of goods, optionally for a campaign; its lines are PledgeLine rows. */
@Entity('pledges')
export class Pledge {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'donor_id' }) donorId!: string;
  @Column('uuid', { name: 'campaign_id', nullable: true }) campaignId!: string | null;
  @Column('text') status!: PledgeStatus;
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
