import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One line of an AllocationConfirmed: a quantity of an item promised to a beneficiary in a district. */
@Entity('allocation_lines')
export class AllocationLine {
  @PrimaryColumn('integer') generation!: number;
  @PrimaryColumn('uuid', { name: 'allocation_id' }) allocationId!: string;
  @PrimaryColumn('integer', { name: 'line_no' }) lineNo!: number;
  @Column('uuid', { name: 'beneficiary_id' }) beneficiaryId!: string;
  @Column('text', { name: 'beneficiary_kind' }) beneficiaryKind!: 'child' | 'institution';
  @Column('text', { name: 'district_code' }) districtCode!: string;
  @Column('text', { name: 'item_code' }) itemCode!: string;
  @Column('integer') quantity!: number;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
}
