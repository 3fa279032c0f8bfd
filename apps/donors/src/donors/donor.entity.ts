import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DONOR_KINDS } from '@giftflow/contracts';

export type DonorKind = (typeof DONOR_KINDS)[number];

/**
 * A benefactor: a person, company, army unit, pagoda… Contact details stay in this service. The name is kept
 * as typed; `nameFolded` (lower case, no diacritics, đ → d) is what search compares; the `*Key` columns are the
 * contacts in the form duplicates are found by (see duplicate-keys.ts).
 */
@Entity('donors')
export class Donor {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'name_folded' }) nameFolded!: string;
  @Column('text') kind!: DonorKind;
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text', { name: 'tax_code', nullable: true }) taxCode!: string | null;
  /** The donor asked not to be named: never in anything published (events carry no donor name at all). */
  @Column('boolean') anonymous!: boolean;
  @Column('text', { name: 'phone_key', nullable: true }) phoneKey!: string | null;
  @Column('text', { name: 'email_key', nullable: true }) emailKey!: string | null;
  @Column('text', { name: 'tax_code_key', nullable: true }) taxCodeKey!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
