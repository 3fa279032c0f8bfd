import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Part of one lot held for one allocation until it is delivered or released. */
@Entity('reservations')
export class Reservation {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'allocation_id' }) allocationId!: string;
  @Column('uuid', { name: 'lot_id' }) lotId!: string;
  @Column('integer') quantity!: number;
  @Column('integer') attempt!: number;
  @Column('text') status!: 'held' | 'delivered' | 'released';
  @Column('timestamptz', { name: 'reserved_at' }) reservedAt!: Date;
  @Column('timestamptz', { name: 'settled_at', nullable: true }) settledAt!: Date | null;
}
