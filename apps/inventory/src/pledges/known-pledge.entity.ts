import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Inventory's copy of a donors pledge, kept from donors.events (never read from donors' database). */
@Entity('known_pledges')
export class KnownPledge {
  @PrimaryColumn('uuid', { name: 'pledge_id' }) pledgeId!: string;
  @Column('uuid', { name: 'donor_id', nullable: true }) donorId!: string | null;
  @Column('uuid', { name: 'campaign_id', nullable: true }) campaignId!: string | null;
  @Column('text') status!: 'pledged' | 'cancelled';
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt!: Date | null;
}
