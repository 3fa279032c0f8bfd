import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AllocationLine } from '../allocations/allocation.entity';

export interface PlanCriteria {
  districtCodes?: string[];
  communeCodes?: string[];
  circumstancesAny?: string[];
  ageMin?: number;
  ageMax?: number;
  includeInstitutions?: boolean;
}

export interface PlanStock {
  itemCode: string;
  /** Available in the plan's warehouse when looked at; null for a service (not stocked). */
  available: number | null;
  /** For the whole roster. */
  needed: number;
}

/** "A backpack for every eligible child in Long Phu and Tran De, most in need first, while stock lasts." */
@Entity('allocation_plans')
export class AllocationPlan {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'campaign_id' }) campaignId!: string;
  @Column('text', { nullable: true }) name!: string | null;
  @Column('text', { name: 'warehouse_code' }) warehouseCode!: string;
  /** Per beneficiary. */
  @Column('jsonb') lines!: AllocationLine[];
  @Column('jsonb') criteria!: PlanCriteria;
  @Column('integer', { name: 'max_beneficiaries', nullable: true }) maxBeneficiaries!: number | null;
  @Column('date', { name: 'allocated_on' }) allocatedOn!: string;
  @Column('text') status!: 'draft' | 'committed';
  @Column('jsonb') excluded!: { beneficiaryId: string; reason: string }[];
  @Column('jsonb') stock!: PlanStock[];
  @Column('integer', { name: 'will_receive' }) willReceive!: number;
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'committed_at', nullable: true }) committedAt!: Date | null;
}

/** One line of the roster, with what the tick-off sheet prints, as it was when the plan was made. */
@Entity('allocation_plan_entries')
export class AllocationPlanEntry {
  @PrimaryColumn('uuid', { name: 'plan_id' }) planId!: string;
  @PrimaryColumn('integer') rank!: number;
  @Column('uuid', { name: 'beneficiary_id' }) beneficiaryId!: string;
  @Column('text', { name: 'beneficiary_kind' }) beneficiaryKind!: 'child' | 'institution';
  @Column('integer', { name: 'need_score' }) needScore!: number;
  @Column('text', { array: true }) reasons!: string[];
  @Column('integer', { name: 'gifts_last_12_months' }) giftsLast12Months!: number;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('integer', { name: 'birth_year', nullable: true }) birthYear!: number | null;
  @Column('text', { name: 'district_code' }) districtCode!: string;
  @Column('text', { name: 'commune_code', nullable: true }) communeCode!: string | null;
  @Column('text', { name: 'guardian_name', nullable: true }) guardianName!: string | null;
  @Column('uuid', { name: 'allocation_id', nullable: true }) allocationId!: string | null;
}
