import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ALLOCATION_STATUSES = ['requested', 'confirmed', 'rejected', 'dispatched', 'delivered', 'failed', 'cancelled'] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];

export interface AllocationLine {
  itemCode: string;
  quantity: number;
}

/** Gifts for one beneficiary, and where the allocation saga has got to. */
@Entity('allocations')
export class Allocation {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'beneficiary_id' }) beneficiaryId!: string;
  @Column('text', { name: 'beneficiary_kind' }) beneficiaryKind!: 'child' | 'institution';
  @Column('text', { name: 'district_code' }) districtCode!: string;
  @Column('uuid', { name: 'campaign_id', nullable: true }) campaignId!: string | null;
  @Column('text', { name: 'warehouse_code', nullable: true }) warehouseCode!: string | null;
  @Column('text') status!: AllocationStatus;
  /** Why it was rejected, failed or cancelled; null otherwise. */
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('jsonb') lines!: AllocationLine[];
  /** Business date (a paper record entered later carries its own); never in the future. */
  @Column('date', { name: 'allocated_on' }) allocatedOn!: string;
  @Column('uuid', { name: 'plan_id', nullable: true }) planId!: string | null;
  /** 1, then 2, 3… after each retry of a failed delivery. */
  @Column('integer') attempt!: number;
  /** The item categories of its lines when it was made (one per category per campaign per child). */
  @Column('text', { array: true }) categories!: string[];
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey!: string | null;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

export type AllocationView = Omit<Allocation, 'idempotencyKey' | 'categories'>;

export const allocationView = ({ idempotencyKey: _, categories: __, ...allocation }: Allocation): AllocationView => allocation;
