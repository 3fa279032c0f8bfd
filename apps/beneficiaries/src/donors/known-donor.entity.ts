import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A donor beneficiaries knows of (DonorRegistered, or one look-up at donors): sponsors are donors. */
@Entity('known_donors')
export class KnownDonor {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') kind!: string;
  @Column('text', { name: 'learned_from' }) learnedFrom!: 'event' | 'donors';
}
