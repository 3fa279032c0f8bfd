import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What inventory decided for an allocation, so the same allocation is never reserved twice. */
@Entity('allocation_requests')
export class AllocationRequest {
  @PrimaryColumn('uuid', { name: 'allocation_id' }) allocationId!: string;
  @Column('text', { nullable: true }) outcome!: 'reserved' | 'rejected' | null;
  @Column('timestamptz', { name: 'decided_at' }) decidedAt!: Date;
}
