import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PLEDGE_STATUSES } from '@giftflow/contracts';

/**
 * The statuses PledgeStatusChanged carries, and `closed`: a partly received pledge whose rest was forgiven
 * (announced by PledgeClosed, not by PledgeStatusChanged, whose contract does not know it).
 */
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number] | 'closed';
export const PLEDGE_STATUSES_HERE: readonly PledgeStatus[] = [...PLEDGE_STATUSES, 'closed'];

/** A donor's promise of goods, optionally for a campaign; its lines are PledgeLine rows. */
@Entity('pledges')
export class Pledge {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'donor_id' }) donorId!: string;
  @Column('uuid', { name: 'campaign_id', nullable: true }) campaignId!: string | null;
  @Column('text') status!: PledgeStatus;
  /** Business date of the pledge: a paper record entered later carries its own; else the day it was recorded. */
  @Column('date', { name: 'pledged_on' }) pledgedOn!: string;
  /** When the donor said the goods would come; a pledge still waiting for goods after it is overdue. */
  @Column('date', { name: 'expected_on', nullable: true }) expectedOn!: string | null;
  /** Made from a walk-in receipt (GoodsReceived with walkIn), not recorded here first. */
  @Column('boolean', { name: 'walk_in' }) walkIn!: boolean;
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason!: string | null;
  @Column('text', { name: 'close_reason', nullable: true }) closeReason!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
