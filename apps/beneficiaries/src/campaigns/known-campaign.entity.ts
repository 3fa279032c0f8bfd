import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CampaignRules } from '../eligibility/eligibility';

/** beneficiaries' copy of a donors campaign: from CampaignOpened/CampaignClosed, or one read-only look-up at donors. */
@Entity('known_campaigns')
export class KnownCampaign {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { nullable: true }) name!: string | null;
  @Column('date', { name: 'starts_on', nullable: true }) startsOn!: string | null;
  @Column('date', { name: 'ends_on', nullable: true }) endsOn!: string | null;
  @Column('text', { nullable: true }) kind!: string | null;
  @Column('text', { name: 'district_codes', array: true, nullable: true }) districtCodes!: string[] | null;
  @Column('jsonb', { nullable: true }) eligibility!: CampaignRules['eligibility'];
  @Column('jsonb', { nullable: true }) targets!: { category: string; quantity: number }[] | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('text', { name: 'learned_from' }) learnedFrom!: 'event' | 'donors';
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

export const campaignRules = (c: KnownCampaign): CampaignRules => ({
  id: c.id, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn, closed: c.closedAt !== null,
  districtCodes: c.districtCodes, eligibility: c.eligibility,
});
