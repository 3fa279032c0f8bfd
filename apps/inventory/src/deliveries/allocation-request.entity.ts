import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What inventory decided for each attempt of an allocation, so one attempt is never reserved twice. */
@Entity('allocation_requests')
export class AllocationRequest {
  @PrimaryColumn('uuid', { name: 'allocation_id' }) allocationId!: string;
  @PrimaryColumn('integer') attempt!: number;
  @Column('text', { nullable: true }) outcome!: 'reserved' | 'rejected' | null;
  @Column('timestamptz', { name: 'decided_at' }) decidedAt!: Date;
}
