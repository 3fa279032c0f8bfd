import { Column, Entity, PrimaryColumn } from 'typeorm';
import { INSTITUTION_KINDS } from '@giftflow/contracts';

export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** An orphanage, social protection centre or school that receives gifts for its residents. */
@Entity('institutions')
export class Institution {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') kind!: InstitutionKind;
  @Column('text', { name: 'district_code' }) districtCode!: string;
  @Column('integer') residents!: number;
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey!: string | null;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
}

export type InstitutionView = Omit<Institution, 'idempotencyKey'>;

export const institutionView = ({ idempotencyKey: _, ...institution }: Institution): InstitutionView => institution;
