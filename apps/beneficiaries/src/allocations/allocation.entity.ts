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
  /** Why it was rejected or failed; null otherwise. */
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('jsonb') lines!: AllocationLine[];
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey!: string | null;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

export type AllocationView = Omit<Allocation, 'idempotencyKey'>;

export const allocationView = ({ idempotencyKey: _, ...allocation }: Allocation): AllocationView => allocation;
