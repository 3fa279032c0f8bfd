import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PLEDGE_STATUSES } from '@giftflow/contracts';

export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

/** One item of a pledge and how far it has got: received at the warehouse, delivered to beneficiaries. */
export interface PledgeLine {
  itemCode: string;
  /** What the donor valued one unit at; null when they gave no value (the catalogue's value is used). */
  unitValueVnd: number | null;
  pledged: number;
  received: number;
  delivered: number;
}

@Entity('pledges')
export class Pledge {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'donor_id' }) donorId!: string;
  @Column('uuid', { name: 'campaign_id', nullable: true }) campaignId!: string | null;
  @Column('text') status!: PledgeStatus;
  @Column('jsonb') lines!: PledgeLine[];
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason!: string | null;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
  /** Hash of the request that created it: the same key with a different body is refused, not answered with this. */
  @Column('text', { name: 'request_hash' }) requestHash!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

export type PledgeView = Omit<Pledge, 'idempotencyKey' | 'requestHash'>;
export const pledgeView = ({ idempotencyKey: _k, requestHash: _h, ...pledge }: Pledge): PledgeView => pledge;
