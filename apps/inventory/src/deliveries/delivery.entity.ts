import { Column, Entity, PrimaryColumn } from 'typeorm';

export const DELIVERY_STATUSES = ['reserved', 'ready', 'dispatched', 'delivered', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * A reserved allocation on its way to a beneficiary: reserved → ready (allocation confirmed) →
 * dispatched (a volunteer took it) → delivered | failed; cancelled if the allocation was rejected.
 * Who signed for it (receivedBy, note) stays here and is never published.
 */
@Entity('deliveries')
export class Delivery {
  @PrimaryColumn('uuid', { name: 'allocation_id' }) allocationId!: string;
  @Column('uuid', { name: 'beneficiary_id' }) beneficiaryId!: string;
  @Column('text', { name: 'beneficiary_kind' }) beneficiaryKind!: 'child' | 'institution';
  @Column('text', { name: 'district_code' }) districtCode!: string;
  @Column('uuid', { name: 'campaign_id', nullable: true }) campaignId!: string | null;
  @Column('text') status!: DeliveryStatus;
  @Column('text', { nullable: true }) volunteer!: string | null;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('text', { name: 'received_by', nullable: true }) receivedBy!: string | null;
  @Column('text', { nullable: true }) relationship!: string | null;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
