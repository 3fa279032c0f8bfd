import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CAMPAIGN_KINDS } from '@giftflow/contracts';

export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_STATUSES = ['open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export interface CampaignEligibility {
  circumstancesAny?: string[];
  ageMin?: number;
  ageMax?: number;
}

export interface CampaignTarget {
  category: string;
  quantity: number;
}

/**
 * A fundraising drive or programme such as the Month of Action for Children; pledges may name one. Its rules
 * (districts, eligibility) are checked by beneficiaries on each allocation; null means "no restriction".
 */
@Entity('campaigns')
export class Campaign {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') kind!: CampaignKind;
  @Column('date', { name: 'starts_on' }) startsOn!: string;
  @Column('date', { name: 'ends_on' }) endsOn!: string;
  @Column('text') status!: CampaignStatus;
  @Column('jsonb', { name: 'district_codes', nullable: true }) districtCodes!: string[] | null;
  @Column('jsonb', { nullable: true }) eligibility!: CampaignEligibility | null;
  @Column('jsonb') targets!: CampaignTarget[];
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
}
