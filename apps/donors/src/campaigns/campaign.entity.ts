import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A fundraising drive such as the Month of Action for Children; pledges may name one. */
@Entity('campaigns')
export class Campaign {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('date', { name: 'starts_on' }) startsOn!: string;
  @Column('date', { name: 'ends_on' }) endsOn!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
