import { Column, Entity, PrimaryColumn } from 'typeorm';

export const DELIVERY_STATUSES = ['reserved', 'ready', 'dispatched', 'delivered', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One lifecycle, from reservation to the doorstep: reserved (stock held) → ready (allocation confirmed) →
 * dispatched (a volunteer took it) → delivered | failed; cancelled if the allocation was rejected or
 * cancelled. A retry after a failure (attempt 2, 3, …) reserves anew. A service-only allocation holds no
 * stock. Who signed for it (receivedBy, relationship as said, note) stays here and is never published.
 */
@Entity('deliveries')
export class Delivery {
  @PrimaryColumn('uuid', { name: 'allocation_id' }) allocationId!: string;
  @Column('uuid', { name: 'beneficiary_id' }) beneficiaryId!: string;
  @Column('text', { name: 'beneficiary_kind' }) beneficiaryKind!: 'child' | 'institution';
  @Column('text', { name: 'district_code' }) districtCode!: string;
  @Column('uuid', { name: 'campaign_id', nullable: true }) campaignId!: string | null;
  @Column('text', { name: 'warehouse_code', nullable: true }) warehouseCode!: string | null;
  @Column('text') status!: DeliveryStatus;
  @Column('integer') attempt!: number;
  @Column('boolean', { name: 'service_only' }) serviceOnly!: boolean;
  @Column('text', { nullable: true }) volunteer!: string | null;
  /** A failure reason code, or a rejection's or cancellation's reason. */
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('text', { name: 'received_by', nullable: true }) receivedBy!: string | null;
  @Column('text', { nullable: true }) relationship!: string | null;
  @Column('text', { nullable: true }) note!: string | null;
  /** When the volunteer tapped dispatch (happenedAt). */
  @Column('timestamptz', { name: 'dispatched_at', nullable: true }) dispatchedAt!: Date | null;
  /** When the volunteer tapped confirm or fail (happenedAt), and who. */
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt!: Date | null;
  @Column('text', { name: 'decided_by', nullable: true }) decidedBy!: string | null;
  @Column('uuid', { name: 'dispatch_run_id', nullable: true }) dispatchRunId!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
