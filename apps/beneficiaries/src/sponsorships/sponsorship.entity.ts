import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../bigint-number';

export const SPONSORSHIP_STATUSES = ['active', 'cancelled', 'ended'] as const;
export type SponsorshipStatus = (typeof SPONSORSHIP_STATUSES)[number];

/** A donor pays a child's monthly amount from startMonth to endMonth (by default the month before the age limit). */
@Entity('sponsorships')
export class Sponsorship {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'donor_id' }) donorId!: string;
  @Column('uuid', { name: 'beneficiary_id' }) childId!: string;
  @Column('text', { name: 'district_code' }) districtCode!: string;
  @Column('bigint', { name: 'monthly_amount_vnd', transformer: bigintNumber }) monthlyAmountVnd!: number;
  @Column('text', { name: 'start_month' }) startMonth!: string;
  @Column('text', { name: 'end_month' }) endMonth!: string;
  @Column('integer', { name: 'until_age' }) untilAge!: number;
  @Column('uuid', { name: 'campaign_id', nullable: true }) campaignId!: string | null;
  @Column('text') status!: SponsorshipStatus;
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason!: string | null;
  @Column('date', { name: 'cancelled_on', nullable: true }) cancelledOn!: string | null;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt!: Date | null;
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

@Entity('sponsorship_instalments')
export class SponsorshipInstalment {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'sponsorship_id' }) sponsorshipId!: string;
  @Column('text') month!: string;
  @Column('bigint', { name: 'amount_vnd', transformer: bigintNumber }) amountVnd!: number;
  @Column('date', { name: 'paid_on' }) paidOn!: string;
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey!: string | null;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}

export type SponsorshipView = Omit<Sponsorship, 'idempotencyKey'>;
export const sponsorshipView = ({ idempotencyKey: _, ...s }: Sponsorship): SponsorshipView => s;

export type InstalmentView = Omit<SponsorshipInstalment, 'idempotencyKey'>;
export const instalmentView = ({ idempotencyKey: _, ...i }: SponsorshipInstalment): InstalmentView => i;

/** The last month of the schedule: the end month, or the month it was cancelled in if earlier. */
export const scheduleEnd = (s: Pick<Sponsorship, 'endMonth' | 'cancelledOn'>): string =>
  s.cancelledOn && s.cancelledOn.slice(0, 7) < s.endMonth ? s.cancelledOn.slice(0, 7) : s.endMonth;
