import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ChildCircumstance } from './circumstances';

/** A child's personal record. Only staff read it here; events carry its id and categories, never these details. */
@Entity('children')
export class Child {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'full_name' }) fullName!: string;
  /** fullName folded (see fold-name.ts): what search and the duplicate check compare. */
  @Column('text', { name: 'search_name' }) searchName!: string;
  @Column('date', { name: 'birth_date' }) birthDate!: string;
  @Column('text') sex!: 'female' | 'male';
  @Column('text', { name: 'district_code' }) districtCode!: string;
  @Column('text', { name: 'commune_code' }) communeCode!: string;
  @Column('text', { array: true }) circumstances!: ChildCircumstance[];
  @Column('text', { name: 'guardian_name', nullable: true }) guardianName!: string | null;
  @Column('text', { name: 'guardian_phone', nullable: true }) guardianPhone!: string | null;
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey!: string | null;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  /** Set when this record was found to be the same child as another: it lives on as that one. */
  @Column('uuid', { name: 'merged_into', nullable: true }) mergedInto!: string | null;
  @Column('timestamptz', { name: 'merged_at', nullable: true }) mergedAt!: Date | null;
}

export type ChildView = Omit<Child, 'idempotencyKey' | 'searchName' | 'mergedInto' | 'mergedAt'>;

export const childView = ({ idempotencyKey: _, searchName: __, mergedInto: ___, mergedAt: ____, ...child }: Child): ChildView => child;
