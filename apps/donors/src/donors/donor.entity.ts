import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DONOR_KINDS } from '@giftflow/contracts';

export type DonorKind = (typeof DONOR_KINDS)[number];

/** A benefactor: a person, company, army unit, pagoda… Contact details stay in this service. */
@Entity('donors')
export class Donor {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') kind!: DonorKind;
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
