import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@giftflow/platform';

/**
 * One item of a pledge and how far it has got: received at the warehouse, delivered to beneficiaries. Values
 * and quantities are `bigint` in the database (a 5 billion VND cash gift) and numbers here.
 */
@Entity('pledge_lines')
export class PledgeLine {
  @PrimaryColumn('uuid', { name: 'pledge_id' }) pledgeId!: string;
  /** Position on the pledge as the donor listed it. */
  @PrimaryColumn('integer', { name: 'line_no' }) lineNo!: number;
  @Column('text', { name: 'item_code' }) itemCode!: string;
  /** What the donor valued one unit at; null when they gave no value (readers use the catalogue's value). */
  @Column('bigint', { name: 'unit_value_vnd', nullable: true, transformer: bigintAsNumber }) unitValueVnd!: number | null;
  @Column('bigint', { transformer: bigintAsNumber }) pledged!: number;
  @Column('bigint', { transformer: bigintAsNumber }) received!: number;
  @Column('bigint', { transformer: bigintAsNumber }) delivered!: number;
}
