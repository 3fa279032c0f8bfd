import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A PledgeCancelled: the pledge no longer stands, so reports stop counting it as pledged. */
@Entity('pledge_cancellations')
export class PledgeCancellation {
  @PrimaryColumn('integer') generation!: number;
  @PrimaryColumn('uuid', { name: 'pledge_id' }) pledgeId!: string;
  @Column('text') reason!: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
}
