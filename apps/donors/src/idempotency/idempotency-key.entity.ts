import { Column, Entity, PrimaryColumn } from 'typeorm';

export type IdempotencyScope = 'donors' | 'campaigns' | 'pledges';

/** An Idempotency-Key a create request came with, and what that request created. */
@Entity('idempotency_keys')
export class UsedIdempotencyKey {
  @PrimaryColumn('text') scope!: IdempotencyScope;
  @PrimaryColumn('text', { name: 'idempotency_key' }) key!: string;
  /** Hash of the canonical request body: the same key with another body is refused, not answered. */
  @Column('text', { name: 'request_hash' }) requestHash!: string;
  @Column('uuid', { name: 'resource_id' }) resourceId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
